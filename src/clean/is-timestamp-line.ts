import { TIMESTAMP } from './lexicons.ts';

/** Digits, date/time punctuation and bar separators left after the words are stripped. */
const NON_WORDS = /[\d\s:.,;|/()+\-–—]+/gu;
const LETTER = /\p{L}/u;

/**
 * Whether a line is only a date, a time or a relative time ("Published 3 hours ago",
 * "Wednesday 8 October 2025, 21:30", "Last updated: 3 days ago | 6 min read").
 * 1. It must name a date (month, weekday, relative day, numeric date) or carry a timestamp keyword
 *    ("Updated", "ago", "min read"); a bare time of day ("10 p.m.") is a heading of live coverage.
 * 2. Stripping timestamp words, calendar names, time zones and digits must leave no letters.
 * 3. A bare date is only taken in the header area; with a keyword ("Updated", "ago") anywhere.
 * @param normalized the line after `normalizeForComparison`
 */
export function isTimestampLine(normalized: string, inHeader: boolean): boolean {
  const keyword = TIMESTAMP.keyword.test(normalized);
  if (!keyword && !(inHeader && TIMESTAMP.dateToken.test(normalized))) return false;
  const residue = normalized.replace(TIMESTAMP.strip, ' ').replace(NON_WORDS, '');
  return !LETTER.test(residue);
}
