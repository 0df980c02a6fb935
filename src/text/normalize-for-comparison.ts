/** Every quotation mark and apostrophe style folds to `'` (straight, curly, primes, guillemets, low-9). */
const QUOTES = /["'`\u00ab\u00bb\u2018-\u201f\u2032\u2033\u2039\u203a\u300c-\u300f]/g;
const ASCII_QUOTES = /["`]/g;
/** Hyphens, dashes and minus signs fold to `-`. */
const DASHES = /[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/g;
/** Zero-width characters that scraping leaves inside words. */
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;
const WHITESPACE_RUN = /\s+/g;
const NON_ASCII = /[\u0080-\uffff]/;
/**
 * Characters NFKC changes in news text: combining accents, NBSP and other spaces, ligatures,
 * full-width forms, super/subscripts. Text without them (curly quotes and dashes are common)
 * skips the costly normalisation.
 */
const NEEDS_NFKC =
  /[\u00a0\u00aa\u00b2\u00b3\u00b9\u00ba\u00bc-\u00be\u2000-\u200a\u2024-\u2026\u202f\u205f\u2070-\u209f\u2150-\u218f\u3000\ufb00-\ufb4f\uff00-\uffef]|\p{M}/u;

/**
 * A comparison key that ignores case, quote and dash style, invisible characters and whitespace
 * runs, so that two renderings of the same line (a repeated headline, a syndicated copy) compare equal.
 * 1. NFKC-fold compatibility forms (full-width letters, ligatures, NBSP).
 * 2. Drop invisible characters; fold quotes and dashes.
 * 3. Lower-case, collapse whitespace, trim.
 * This runs on every short line of every article, so input that cannot change skips each step.
 */
export function normalizeForComparison(value: string): string {
  let folded: string;
  if (NON_ASCII.test(value)) {
    const composed = NEEDS_NFKC.test(value) ? value.normalize('NFKC') : value;
    folded = composed.replace(INVISIBLE, '').replace(QUOTES, "'").replace(DASHES, '-');
  } else {
    folded = value.replace(ASCII_QUOTES, "'");
  }
  return folded.toLowerCase().replace(WHITESPACE_RUN, ' ').trim();
}
