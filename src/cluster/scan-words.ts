/** One letter or digit, as the word patterns define a word character (checked only beyond ASCII). */
const WORD_CHARACTER = /^[\p{L}\p{N}]$/u;
const UPPER_CASE_LETTER = /^\p{Lu}$/u;
/** Verdicts for non-ASCII code points, which are few: a Unicode property test per character is slow. */
const wordCharacterCache = new Map<number, boolean>();
const upperCaseCache = new Map<number, boolean>();
/** 1 for the ASCII letters and digits, by code unit: the common case needs no lookup beyond this. */
const ASCII_WORD_LENGTH = Uint8Array.from({ length: 128 }, (_, unit) =>
  (unit >= 48 && unit <= 57) || ((unit | 32) >= 97 && (unit | 32) <= 122) ? 1 : 0,
);

function testCached(cache: Map<number, boolean>, pattern: RegExp, codePoint: number): boolean {
  let verdict = cache.get(codePoint);
  if (verdict === undefined) {
    verdict = pattern.test(String.fromCodePoint(codePoint));
    cache.set(codePoint, verdict);
  }
  return verdict;
}

/** The code point at `index` of `text` read no further than `end` (a surrogate pair cut by `end` is a lone surrogate). */
function getCodePoint(text: string, index: number, end: number): number {
  const unit = text.charCodeAt(index);
  if (unit >= 0xd800 && unit <= 0xdbff && index + 1 < end) {
    const low = text.charCodeAt(index + 1);
    if (low >= 0xdc00 && low <= 0xdfff) return (unit - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
  }
  return unit;
}

/** UTF-16 length of the word character at `index` (1 or 2), or 0 when it is none or `index` is at `end`. */
function getWordCharacterLength(text: string, index: number, end: number): number {
  if (index >= end) return 0;
  const unit = text.charCodeAt(index);
  if (unit < 128) return ASCII_WORD_LENGTH[unit] ?? 0;
  const codePoint = getCodePoint(text, index, end);
  if (!testCached(wordCharacterCache, WORD_CHARACTER, codePoint)) return 0;
  return codePoint > 0xffff ? 2 : 1;
}

/** Whether the word starting at `index` opens with an upper-case letter (`/^\p{Lu}/u`). */
export function isCapitalisedAt(text: string, index: number): boolean {
  const unit = text.charCodeAt(index);
  if (unit < 128) return unit >= 65 && unit <= 90;
  return testCached(upperCaseCache, UPPER_CASE_LETTER, getCodePoint(text, index, text.length));
}

/**
 * Calls `onWord(start, end)` for each word of `text` within `[from, to)`, in order: exactly the
 * matches of `/[\p{L}\p{N}]+(?:[joiners][\p{L}\p{N}]+)*\/gu` on `text.slice(from, to)`, shifted by
 * `from`, but without a regular expression or a slice (tokenising was most of the clustering time).
 * 1. Skip to a word character; take the run of word characters.
 * 2. While a joiner follows and a word character follows the joiner, take both and the next run.
 */
export function scanWords(
  text: string,
  joiners: string,
  onWord: (start: number, end: number) => void,
  from = 0,
  to = text.length,
): void {
  const joinerUnits = [...joiners].map((joiner) => joiner.charCodeAt(0));
  let index = from;
  while (index < to) {
    let length = getWordCharacterLength(text, index, to);
    if (length === 0) {
      index++;
      continue;
    }
    const start = index;
    do {
      index += length;
      length = getWordCharacterLength(text, index, to);
    } while (length > 0);
    while (index < to && joinerUnits.includes(text.charCodeAt(index))) {
      length = getWordCharacterLength(text, index + 1, to);
      if (length === 0) break;
      index++;
      do {
        index += length;
        length = getWordCharacterLength(text, index, to);
      } while (length > 0);
    }
    onWord(start, index);
  }
}
