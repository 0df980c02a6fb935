import type { WordToken } from './tokenize-words.ts';

/** A run of tokens `[start, end)`, as indices into a token array. */
export interface TokenRange {
  start: number;
  end: number;
}

/** Tokens that end a sentence when the next token can open one. */
const TERMINALS = new Set(['.', '!', '?', '...', '…']);
/** Closing quotes and brackets that may follow the terminal of the sentence they close. */
const TRAILING_CLOSERS = new Set(['"', "'", '”', '’', ')', ']', '»']);
/** A token that can open a sentence: a capital, a digit, or an opening quote or bracket. */
const SENTENCE_OPENING = /^[\p{Lu}\p{N}"'“‘(«[]/u;
const LINE_BREAK = /[\n\r\u2028\u2029]/;

/**
 * Groups tokens into sentences.
 * 1. A line break between two tokens always ends a sentence (paragraphs, list items, headlines).
 * 2. Within a line, a sentence ends after a terminal (".", "!", "?", "...") and any closing quotes
 *    or brackets after it, when the next token can open a sentence. Abbreviations ("Mr.", "U.S.")
 *    are single tokens, so their periods never count as terminals.
 */
export function groupSentences(text: string, tokens: readonly WordToken[]): TokenRange[] {
  const sentences: TokenRange[] = [];
  let start = 0;
  let afterTerminal = false;
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    if (index > start) {
      const previous = tokens[index - 1]!;
      const gap = text.slice(previous.end, token.start);
      const opens = SENTENCE_OPENING.test(text.charAt(token.start));
      if (LINE_BREAK.test(gap) || (afterTerminal && gap.length > 0 && opens)) {
        sentences.push({ start, end: index });
        start = index;
        afterTerminal = false;
      }
    }
    const word = text.slice(token.start, token.end);
    if (TERMINALS.has(word)) afterTerminal = true;
    else if (!(afterTerminal && TRAILING_CLOSERS.has(word))) afterTerminal = false;
  }
  if (tokens.length > start) sentences.push({ start, end: tokens.length });
  return sentences;
}
