import { scanWords } from './scan-words.ts';
import { isStopword } from './stopwords.ts';

/**
 * What joins letters/digits into one word: inner apostrophes or dots ("o'brien", "u.s"). Hyphens
 * split, so "Jong-un" meets "Jong Un" and "COVID-19" meets "COVID".
 */
const WORD_JOINERS = "'’.";
const DIGITS_ONLY = /^[\d.,-]+$/;
const POSSESSIVE = /['’]s$/;

/** Suffixes stripped once, longest first, when at least `MIN_STEM` letters remain. */
const SUFFIXES = ['ments', 'ment', 'ings', 'ing', 'edly', 'ed', 'ly'];
/** Stems shorter than this are left whole: "thing", "need" and "only" are not inflections. */
const MIN_STEM = 4;
/** A doubled final consonant left by stripping ("planned" → "plann"), except l/s/z ("bill", "press"). */
const DOUBLED_CONSONANT = /([b-df-hj-kmnp-rtv-y])\1$/;

/**
 * Folds inflected forms of a lower-case word together with a small suffix stripper, so that
 * "impeach", "impeached", "impeachment" and "charges"/"charged"/"charging" meet. It is cruder than a
 * real stemmer (it never has to be read): what matters is that forms of one word fold alike.
 * 1. Plural: "-ies" → "-y", a final "s" (not "-ss", "-us", "-is") dropped.
 * 2. One of `SUFFIXES` stripped if a stem of `MIN_STEM` letters remains.
 * 3. A final silent "e" dropped and a doubled final consonant undoubled, so "charge" meets "charg-ed".
 */
export function foldTerm(word: string): string {
  if (word.length <= MIN_STEM) return word;
  let stem = word;
  if (stem.endsWith('ies')) stem = `${stem.slice(0, -3)}y`;
  else if (stem.endsWith('s') && !/(ss|us|is)$/.test(stem)) stem = stem.slice(0, -1);
  for (const suffix of SUFFIXES) {
    if (stem.endsWith(suffix) && stem.length - suffix.length >= MIN_STEM) {
      stem = stem.slice(0, -suffix.length);
      break;
    }
  }
  if (stem.length > MIN_STEM && stem.endsWith('e')) stem = stem.slice(0, -1);
  if (DOUBLED_CONSONANT.test(stem)) stem = stem.slice(0, -1);
  return stem;
}

/** A term with the word it was read from (lower case, possessive dropped), for display. */
export interface TermForm {
  term: string;
  form: string;
}

/**
 * Term of each word form seen (null: dropped), since the same forms recur in every article. Cleared
 * when it reaches this size, which bounds memory on an endless stream: 100,000 is about three times
 * the 32,000 distinct forms in all of `../shared/data/clustering` (train sets included).
 */
const TERM_CACHE_LIMIT = 100_000;
const termCache = new Map<string, TermForm | null>();

/** The term a word form stands for, or null when it is dropped (steps 1–3 below). */
function toTerm(form: string): TermForm | null {
  const word = form.toLowerCase().replace(POSSESSIVE, '');
  if (word.length < 2 || DIGITS_ONLY.test(word) || isStopword(word)) return null;
  return { term: foldTerm(word), form: word };
}

/**
 * Calls `onTerm` with the content terms of a text, in order.
 * 1. Find words; lower-case them and drop a possessive `'s`.
 * 2. Drop stopwords, one-letter words and bare numbers (counts and years recur across unrelated stories).
 * 3. Fold inflections (`foldTerm`).
 */
export function scanTerms(text: string, onTerm: (term: TermForm) => void): void {
  scanWords(text, WORD_JOINERS, (start, end) => {
    const form = text.slice(start, end);
    let term = termCache.get(form);
    if (term === undefined) {
      if (termCache.size >= TERM_CACHE_LIMIT) termCache.clear();
      term = toTerm(form);
      termCache.set(form, term);
    }
    if (term !== null) onTerm(term);
  });
}

/** The content terms of a text, in order (see `scanTerms`). */
export function tokenizeTerms(text: string): string[] {
  const terms: string[] = [];
  scanTerms(text, (term) => terms.push(term.term));
  return terms;
}
