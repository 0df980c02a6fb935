import { countWords } from '../text/count-words.ts';
import { SECTION_NAMES } from './lexicons.ts';

const BAR_SEPARATOR = /\s+\|\s+/u;
const BREADCRUMB_SEPARATOR = /\s*[>›»]\s*/u;
/** Each part of a site header or breadcrumb is a name of a few words. */
const MAX_PART_WORDS = 5;
const LAST_WORD = /[\p{L}\p{N}]+$/u;

/**
 * A site header or section bar near the top ("Valley News | Wildfire Coverage", "Business |
 * Markets | Economy"): two or more short parts separated by " | ", one ending in a section name.
 * A byline-like bar with a person ("COMMENT | Jane Roe") has no section word and is left alone.
 * @param normalized the line after `normalizeForComparison`
 */
export function isSectionBar(normalized: string): boolean {
  const parts = normalized.split(BAR_SEPARATOR);
  if (parts.length < 2 || !parts.every(isShortName)) return false;
  return parts.some((part) => SECTION_NAMES.has(LAST_WORD.exec(part)?.[0] ?? ''));
}

/** A breadcrumb trail ("Home > News > Local"): three or more short parts, or two starting at "home". */
export function isBreadcrumb(normalized: string): boolean {
  const parts = normalized.split(BREADCRUMB_SEPARATOR);
  if (parts.length < 2 || !parts.every(isShortName)) return false;
  return parts.length >= 3 || parts[0] === 'home';
}

function isShortName(part: string): boolean {
  const words = countWords(part);
  return words >= 1 && words <= MAX_PART_WORDS && !/[.!?]$/.test(part);
}
