import { readFileSync } from 'node:fs';
import { splitSentences } from '../text/sentence-spans.ts';
import { isCapitalisedAt, scanWords } from './scan-words.ts';
import { isStopword } from './stopwords.ts';
import { foldTerm } from './tokenize-terms.ts';

/** A word with its case kept: letters/digits joined by inner apostrophes, dots, hyphens or `&`. */
const WORD_JOINERS = "'’.&-";
/** Titles before a name ("President", "Sen."), from `data/cluster/name-titles.txt`. */
const NAME_TITLES: ReadonlySet<string> = new Set(
  readFileSync(new URL('../../data/cluster/name-titles.txt', import.meta.url), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#')),
);
/** The part of a word before an apostrophe: "I've" → "I", "Trump's" → "Trump". */
const APOSTROPHE_TAIL = /['’].*$/;
const POSSESSIVE = /['’]s$/;
/** Lower-case words that may sit inside a name ("Bank of England", "Port & Light"). */
const CONNECTORS = new Set(['of', 'de', 'la', 'del', 'van', 'von', 'for', '&']);
/** What may separate two words of one name: spaces only (a comma or dash ends the name). */
const NAME_GAP_CHARACTERS = ' \t\u00a0';
/**
 * A headline is title-cased when this share of its content words is capitalised; its capitals then
 * say nothing about names. 0.6: "Fire Forces Evacuations Near Town" scores 1.0, a sentence-case
 * headline with two names ("Biden meets Macron in Paris") about 0.5.
 */
const TITLE_CASE_SHARE = 0.6;

/** Whether a headline capitalises most of its content words ("Senate Passes Budget Bill"). */
export function isTitleCased(line: string): boolean {
  let content = 0;
  let capitalised = 0;
  scanWords(line, WORD_JOINERS, (start, end) => {
    if (isStopword(line.slice(start, end))) return;
    content++;
    if (isCapitalisedAt(line, start)) capitalised++;
  });
  return content >= 3 && capitalised / content >= TITLE_CASE_SHARE;
}

/** Whether a word at the edge of a run is not part of the name: a function word, connector or (leading) title. */
function isEdgeWord(word: string, leading: boolean): boolean {
  const bare = word.replace(APOSTROPHE_TAIL, '').toLowerCase();
  return isStopword(bare) || CONNECTORS.has(word) || (leading && NAME_TITLES.has(bare.replace(/\.$/, '')));
}

/** Whether `text[start, end)` is non-empty and only spaces: two words around it may form one name. */
function isNameGap(text: string, start: number, end: number): boolean {
  if (start >= end) return false;
  for (let index = start; index < end; index++)
    if (!NAME_GAP_CHARACTERS.includes(text.charAt(index))) return false;
  return true;
}

function normalizeName(words: string[]): string {
  return words.map((word) => foldTerm(word.toLowerCase().replace(POSSESSIVE, ''))).join(' ');
}

/** A name as written, for display: "Ines Valcourt's" → "Ines Valcourt". */
function displayName(words: string[]): string {
  return words.join(' ').replace(POSSESSIVE, '');
}

/**
 * Names of people, organisations and places found as runs of capitalised words, a stand-in until
 * real entity extraction lands. Returns each normalised name ("hollis canyon road") with its count;
 * a multi-word name also counts each of its words ("canyon"), so "Dana Whitcombe" and a later
 * "Whitcombe" share a key. When `forms` is given, it receives each new name's first written form
 * ("hollis canyon road" → "Hollis Canyon Road").
 * 1. Split into sentences; in each, collect runs of capitalised words separated only by spaces,
 *    allowing lower-case connectors ("of", "&") inside a run.
 * 2. Trim stopwords and connectors off both ends ("The", "In", "I've"), and titles off the front
 *    ("President", "Sen."). A sentence's first word goes too when the text also writes it in lower
 *    case or a connector follows it.
 * 3. Drop a one-word run left at the start of a sentence: any word is capitalised there.
 */
export function detectEntities(text: string, forms?: Map<string, string>): Map<string, number> {
  const entities = new Map<string, number>();
  const lowerCaseWords = new Set<string>();
  scanWords(text, WORD_JOINERS, (start, end) => {
    if (!isCapitalisedAt(text, start)) lowerCaseWords.add(text.slice(start, end));
  });
  const add = (words: string[]) => {
    const key = normalizeName(words);
    entities.set(key, (entities.get(key) ?? 0) + 1);
    if (forms && !forms.has(key)) forms.set(key, displayName(words));
  };
  const flush = (run: string[], runStartsSentence: boolean) => {
    let start = 0;
    let end = run.length;
    // A sentence's first word is capitalised anyway: it is not taken as part of a name when the text
    // also writes it in lower case, or when a connector follows it ("Residents of Port Aldery").
    if (
      runStartsSentence &&
      (lowerCaseWords.has((run[0] ?? '').toLowerCase()) || CONNECTORS.has(run[1] ?? ''))
    )
      start = 1;
    while (start < end && isEdgeWord(run[start] ?? '', true)) start++;
    while (end > start && isEdgeWord(run[end - 1] ?? '', false)) end--;
    const words = run.slice(start, end);
    if (words.length === 0 || (words.length === 1 && runStartsSentence && start === 0)) return;
    add(words);
    if (words.length > 1) for (const word of words) if (!CONNECTORS.has(word)) add([word]);
  };
  for (const sentence of splitSentences(text)) {
    let run: string[] = [];
    let runStartsSentence = false;
    let previousEnd = -1;
    let first = true;
    scanWords(
      text,
      WORD_JOINERS,
      (start, end) => {
        const capital = isCapitalisedAt(text, start);
        // Most words are lower case outside any run: those need no string of their own.
        if (capital || run.length > 0) {
          const word = text.slice(start, end);
          const adjacent = previousEnd >= 0 && isNameGap(text, previousEnd, start);
          if (run.length > 0 && (!adjacent || !(capital || CONNECTORS.has(word)))) {
            flush(run, runStartsSentence);
            run = [];
          }
          if (capital || (run.length > 0 && CONNECTORS.has(word))) {
            if (run.length === 0) runStartsSentence = first;
            run.push(word);
          }
        }
        previousEnd = end;
        first = false;
      },
      sentence.start,
      sentence.end,
    );
    if (run.length > 0) flush(run, runStartsSentence);
  }
  return entities;
}
