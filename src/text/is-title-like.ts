import { countWords } from './count-words.ts';

/** Headlines and link titles stay short; 20 words is above nearly all news headlines (median ~10). */
const MAX_TITLE_WORDS = 20;
/** 20 words of 8 characters; link lists truncate longer titles anyway. */
const MAX_TITLE_CHARS = 160;
/** Opens with a capital, a digit or an opening quote/bracket, as headlines do. */
const TITLE_OPENING = /^[\p{Lu}\p{N}"'“‘«([]/u;
/** Ends like a sentence fragment rather than a headline. */
const NON_TITLE_ENDING = /[.,;:]$/;

/**
 * Whether one line reads like a headline or link title: short, opening with a capital or digit,
 * not ending in sentence punctuation (a question or exclamation mark is fine).
 */
export function isTitleLike(line: string): boolean {
  if (line.length > MAX_TITLE_CHARS || !TITLE_OPENING.test(line) || NON_TITLE_ENDING.test(line)) return false;
  const words = countWords(line);
  return words >= 2 && words <= MAX_TITLE_WORDS;
}
