import { countWords } from '../text/count-words.ts';
import { IMAGE_PROMPT } from './lexicons.ts';

/**
 * Weights of the image-prompt score. A prompt opens like "A stylized image of ..." (OPENING) and
 * carries art-direction words; reporting is attributed, quoted, dated and has a finite verb early.
 * Set by hand on original examples of both kinds (clean-article.test.ts) so that an opening alone
 * (3) is not enough, an opening plus one style term is, and a lone style-heavy description needs
 * four style terms; any one reporting feature then pulls a candidate below the threshold.
 */
const OPENING = 3;
const MAX_STYLE = 4;
const REPORTING_PENALTY = 3;
const QUOTE_PENALTY = 3;
const DATE_PENALTY = 2;
const FINITE_VERB_PENALTY = 2;
const THRESHOLD = 4;
/** Prompts seen in scraped text run from one short sentence to a long paragraph. */
const MIN_WORDS = 6;
export const MAX_IMAGE_PROMPT_WORDS = 150;

/** Quotation marks that open or close a quotation (apostrophes inside words do not count). */
const QUOTATION = /["“”«»„]|(?:^|\s)['‘]\p{L}|\p{L}[’']\s*$/u;
/** Image-format tokens ("4k", "16:9", "1080p", "1920x1080") that are not facts about the world. */
const FORMAT_TOKEN = /\b\d+k\b|\b\d+:\d+\b|\b\d{3,4}p\b|\b\d+x\d+\b/g;
const FIRST_SENTENCE = /^[^.!?]*/;

/**
 * Scores a paragraph as a leftover AI image-generation prompt.
 * 1. Opening: "A/An (modifiers) image|shot|... of|showing|capturing ..." or "Create an image ...".
 * 2. Add one point per distinct art-direction term (cinematic, photorealistic, in the background ...).
 * 3. Subtract for reporting features: attribution verbs, quotation marks, dates or numbers
 *    (format tokens excepted), and a finite verb in the first sentence (prompts are noun phrases).
 * Every prose paragraph passes through here, so the cheap features come first and scoring stops
 * as soon as the threshold is out of reach.
 * @param normalized the paragraph after `normalizeForComparison`
 */
export function scoreImagePrompt(normalized: string): number {
  const words = countWords(normalized);
  if (words < MIN_WORDS || words > MAX_IMAGE_PROMPT_WORDS) return 0;
  let score = IMAGE_PROMPT.opening.test(normalized) || IMAGE_PROMPT.imperative.test(normalized) ? OPENING : 0;
  const firstSentence = FIRST_SENTENCE.exec(normalized)?.[0] ?? normalized;
  if (IMAGE_PROMPT.finiteVerbs.test(firstSentence)) score -= FINITE_VERB_PENALTY;
  if (score + MAX_STYLE < THRESHOLD) return score;
  if (QUOTATION.test(normalized)) score -= QUOTE_PENALTY;
  if (score + MAX_STYLE < THRESHOLD) return score;
  const withoutFormats = normalized.replace(FORMAT_TOKEN, '');
  if (/\d/.test(withoutFormats) || IMAGE_PROMPT.calendarTerms.test(withoutFormats)) score -= DATE_PENALTY;
  if (score + MAX_STYLE < THRESHOLD) return score;
  if (IMAGE_PROMPT.reporting.test(normalized)) score -= REPORTING_PENALTY;
  if (score + MAX_STYLE < THRESHOLD) return score;
  const styles = new Set(normalized.match(IMAGE_PROMPT.styleTerms) ?? []);
  return score + Math.min(styles.size, MAX_STYLE);
}

/** @param normalized the paragraph after `normalizeForComparison` */
export function isImagePrompt(normalized: string): boolean {
  return scoreImagePrompt(normalized) >= THRESHOLD;
}
