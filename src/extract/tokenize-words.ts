import { readFileSync } from 'node:fs';

/** A word or punctuation token: `[start, end)` in UTF-16 code units of the tokenized text. */
export interface WordToken {
  start: number;
  end: number;
}

const ABBREVIATIONS_PATH = new URL('../../data/ner/abbreviations.txt', import.meta.url);

/** Abbreviations that keep their final period, in every case form that counts (see the list's header). */
function loadAbbreviations(): Set<string> {
  const forms = new Set<string>();
  for (const line of readFileSync(ABBREVIATIONS_PATH, 'utf8').split('\n')) {
    const word = line.trim();
    if (!word || word.startsWith('#')) continue;
    forms.add(word);
    forms.add(word.charAt(0).toUpperCase() + word.slice(1));
    forms.add(word.toUpperCase());
  }
  return forms;
}

let abbreviations: Set<string> | undefined;

/** Quotes and brackets that open a phrase; split off the front of a word. */
const OPENERS = new Set(['"', "'", '`', '“', '‘', '„', '«', '‹', '(', '[', '{', '¿', '¡']);
/** Quotes, brackets and punctuation that close a phrase; split off the end of a word. */
const CLOSERS = new Set(['"', "'", '”', '’', '»', '›', ')', ']', '}', ',', ';', ':', '!', '?']);
/** Dashes and ellipses inside a chunk ("word—word", "wait...what") become tokens of their own. */
const INNER_SEPARATOR = /—|–|-{2,}|\.{3,}|…/g;
/** English clitics split off as their own token, as in the Penn Treebank and CoNLL: "Witkoff 's", "do n't". */
const CLITIC = /(?:['’](?:s|S|re|RE|ve|VE|ll|LL|m|M|d|D)|n['’]t|N['’]T)$/;
/** A whole chunk that is a clitic or an abbreviated year ("'s", "n't", "'96") stays as it is. */
const WHOLE_CLITIC = /^(?:['’](?:s|S|re|RE|ve|VE|ll|LL|m|M|d|D|\d\d)|n['’]t|N['’]T)$/;
/** Two or more one- or two-letter groups each ending in a period: "U.S.", "a.m.", "Ph.D.". */
const DOTTED_INITIALISM = /^(?:\p{L}{1,2}\.){2,}$/u;
const SINGLE_CAPITAL = /^\p{Lu}$/u;
const LIST_NUMBER = /^\d{1,2}$/;

/** Whether `word` (which ends in a period) keeps the period: an initialism, an initial or a listed abbreviation. */
function keepsFinalPeriod(word: string, firstOnLine: boolean): boolean {
  const stem = word.slice(0, -1);
  if (DOTTED_INITIALISM.test(word) || SINGLE_CAPITAL.test(stem)) return true;
  // A numbered list item ("3. Frankie Fredericks") opens its line; elsewhere "in 1996." ends a sentence.
  if (firstOnLine && LIST_NUMBER.test(stem)) return true;
  abbreviations ??= loadAbbreviations();
  return abbreviations.has(stem);
}

/** Whether every character of `text[start, end)` is the same (a rule "-----", an ellipsis "...", "**"). */
function isRepeatedCharacter(text: string, start: number, end: number): boolean {
  for (let index = start + 1; index < end; index++) if (text[index] !== text[start]) return false;
  return true;
}

/**
 * Splits one chunk without inner separators into tokens.
 * 1. Peel opening quotes and brackets off the front, unless the chunk is a clitic ("'s").
 * 2. Peel closing punctuation, a final ellipsis, a final period that is not part of an
 *    abbreviation, and a final clitic off the end, until none applies.
 */
function splitChunk(text: string, start: number, end: number, firstOnLine: boolean, out: WordToken[]): void {
  if (end - start === 1 || isRepeatedCharacter(text, start, end)) {
    out.push({ start, end });
    return;
  }
  let from = start;
  while (from < end - 1 && OPENERS.has(text.charAt(from)) && !WHOLE_CLITIC.test(text.slice(from, end))) {
    out.push({ start: from, end: from + 1 });
    from++;
  }
  const tail: WordToken[] = [];
  let to = end;
  while (to - from > 1) {
    const word = text.slice(from, to);
    const last = text.charAt(to - 1);
    if (CLOSERS.has(last) && !WHOLE_CLITIC.test(word)) {
      tail.push({ start: to - 1, end: to });
      to--;
    } else if (last === '.' && !keepsFinalPeriod(word, firstOnLine && from === start)) {
      tail.push({ start: to - 1, end: to });
      to--;
    } else {
      const clitic = WHOLE_CLITIC.test(word) ? null : CLITIC.exec(word);
      if (!clitic) break;
      tail.push({ start: from + clitic.index, end: to });
      to = from + clitic.index;
    }
  }
  if (to > from) out.push({ start: from, end: to });
  for (let index = tail.length - 1; index >= 0; index--) out.push(tail[index]!);
}

/** Whether `code` is whitespace as `\s` (ASCII fast path; NBSP, line and paragraph separators, BOM). */
function isSpace(code: number): boolean {
  if (code === 32 || (code >= 9 && code <= 13)) return true;
  if (code < 128) return false;
  return /\s/.test(String.fromCharCode(code));
}

/**
 * Splits raw text into word and punctuation tokens with their offsets, in the manner of the CoNLL-2003
 * and Penn Treebank tokenization: punctuation, quotes and brackets are tokens, possessive and
 * contracted clitics split off ("Witkoff 's", "do n't"), hyphenated words, numbers ("1,000", "6-2"),
 * initialisms and abbreviations ("U.S.", "Mr.") stay whole. Text that is already tokenized and
 * joined with spaces comes back as the same tokens.
 * 1. Cut the text into whitespace-separated chunks.
 * 2. Cut each chunk at dashes and ellipses between words, which become tokens.
 * 3. Split each piece with `splitChunk`.
 */
export function tokenizeWords(text: string): WordToken[] {
  const tokens: WordToken[] = [];
  let firstOnLine = true;
  let index = 0;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (isSpace(code)) {
      if (code === 10 || code === 13 || code === 0x2028 || code === 0x2029) firstOnLine = true;
      index++;
      continue;
    }
    let end = index + 1;
    while (end < text.length && !isSpace(text.charCodeAt(end))) end++;
    if (isRepeatedCharacter(text, index, end)) {
      tokens.push({ start: index, end });
    } else {
      let pieceStart = index;
      const chunk = text.slice(index, end);
      for (const separator of chunk.matchAll(INNER_SEPARATOR)) {
        const separatorStart = index + separator.index;
        if (separatorStart > pieceStart)
          splitChunk(text, pieceStart, separatorStart, firstOnLine && pieceStart === index, tokens);
        tokens.push({ start: separatorStart, end: separatorStart + separator[0].length });
        pieceStart = separatorStart + separator[0].length;
      }
      if (end > pieceStart) splitChunk(text, pieceStart, end, firstOnLine && pieceStart === index, tokens);
    }
    firstOnLine = false;
    index = end;
  }
  return tokens;
}
