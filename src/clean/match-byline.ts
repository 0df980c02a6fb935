import type { Span } from '../model/span.ts';
import { countWords } from '../text/count-words.ts';
import { BYLINE_ROLES, TIMESTAMP } from './lexicons.ts';

const BYLINE_OPENING = /^[Bb][Yy]:?\s+/u;
/** Separators between a byline's parts: names, role, date ("By A, B | Staff | Aug 12, 2025"). */
const PART_SEPARATOR = /\s*(?:[|,·•]|\s[–—-]\s)\s*/gu;
const TRAILING_SEPARATOR = /\s*[|,·•:–—-]+$/u;
/** Capitalised words joined by name particles and "and"/"&" (several authors). */
const NAME =
  /^\p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|and|&|de|da|del|der|di|du|la|le|van|von|bin|al|el|dos|das))*$/u;
/** A byline names at most a few people; longer capitalised runs are headlines ("By Thursday ..."). */
const MAX_NAME_WORDS = 8;
/** Whole byline lines stay short even with role and date. */
const MAX_LINE_WORDS = 20;
/** A line ending in a full stop can still be a byline if very short ("By J. Smith."). */
const MAX_WORDS_WITH_FULL_STOP = 8;

/**
 * The author names of a byline line ("By Jane Roe and Ann Poe, Staff Writer | Aug 12, 2025"), as
 * a span of `text` without "By" and without role or date; undefined when the line is not a byline.
 * 1. The line opens with "By" and is short.
 * 2. Split it into parts; the first must be a capitalised name that does not start with a date word.
 * 3. Following parts that are names too (no role word, no date) are more authors; the rest is
 *    role and date, which stay out of the name.
 */
export function matchByline(text: string, line: Span): Span | undefined {
  const value = text.slice(line.start, line.end);
  const opening = BYLINE_OPENING.exec(value);
  if (!opening) return undefined;
  const words = countWords(value);
  if (words > MAX_LINE_WORDS || (value.endsWith('.') && words > MAX_WORDS_WITH_FULL_STOP)) return undefined;
  // A dangling separator ("By Jane Roe -") is left by a date or role the page rendered elsewhere.
  const rest = value.slice(opening[0].length).replace(TRAILING_SEPARATOR, '');
  const parts: { start: number; end: number }[] = [];
  let partStart = 0;
  for (const separator of rest.matchAll(PART_SEPARATOR)) {
    parts.push({ start: partStart, end: separator.index });
    partStart = separator.index + separator[0].length;
  }
  parts.push({ start: partStart, end: rest.length });
  const first = parts[0];
  if (!first || !isName(rest.slice(first.start, first.end))) return undefined;
  let nameEnd = first.end;
  for (const part of parts.slice(1)) {
    const candidate = rest.slice(part.start, part.end);
    if (!isName(candidate) || BYLINE_ROLES.test(candidate)) break;
    nameEnd = part.end;
  }
  const base = line.start + opening[0].length;
  return { start: base + first.start, end: base + nameEnd };
}

/** A capitalised name of a few words whose first word is not a date ("Thursday", "Aug", "12"). */
function isName(candidate: string): boolean {
  if (!NAME.test(candidate) || countWords(candidate) > MAX_NAME_WORDS) return false;
  const firstWord = candidate.split(/\s/, 1)[0]?.toLowerCase() ?? '';
  return !TIMESTAMP.dateToken.test(firstWord);
}
