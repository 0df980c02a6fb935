import { countWords } from '../text/count-words.ts';

/** Headlines are short; 30 words is beyond nearly every news headline. */
export const MAX_HEADLINE_WORDS = 30;
/** 30 long words; beyond it a first line is a paragraph even if it has few words (URLs, lists). */
const MAX_HEADLINE_CHARS = 250;
/** Some headlines end with a full stop ("X did everything right. Y didn't."); prose lines are longer. */
const MAX_WORDS_WITH_FULL_STOP = 15;
const HEADLINE_OPENING = /^[\p{Lu}\p{N}"'“‘«(]/u;
/** " - Site", " | Site", " — Site" after a headline, as in HTML <title>s and syndicated copies. */
const SITE_SUFFIX = /\s(?:[-|:·•]|--)\s[^-|:·•]+$/u;
/** A site name is a few words. */
export const MAX_SUFFIX_WORDS = 6;

/** Whether the first line of a plain-text article reads as its headline rather than as prose. */
export function looksLikeHeadline(line: string): boolean {
  const words = countWords(line);
  if (words === 0 || words > MAX_HEADLINE_WORDS || line.length > MAX_HEADLINE_CHARS) return false;
  if (!HEADLINE_OPENING.test(line)) return false;
  return !line.endsWith('.') || words <= MAX_WORDS_WITH_FULL_STOP;
}

/** Removes a trailing " | Site name" part, when there is one, from a normalised headline. */
function stripSiteSuffix(normalized: string): string {
  const suffix = SITE_SUFFIX.exec(normalized);
  return suffix && countWords(suffix[0]) <= MAX_SUFFIX_WORDS ? normalized.slice(0, suffix.index) : normalized;
}

/**
 * Whether a normalised line repeats a normalised headline, allowing a site-name suffix on either
 * side ("Headline | Site" in the metadata, "Headline" in the text, or the reverse).
 */
export function isSameHeadline(line: string, title: string): boolean {
  if (line === '' || title === '') return false;
  return line === title || stripSiteSuffix(line) === title || line === stripSiteSuffix(title);
}
