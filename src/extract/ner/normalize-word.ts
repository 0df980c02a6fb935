/** Unicode punctuation that news text uses where the CoNLL-2003 training text has ASCII. */
const REPLACEMENTS: Record<string, string> = {
  '’': "'",
  '‘': "'",
  '‛': "'",
  '′': "'",
  '“': '"',
  '”': '"',
  '„': '"',
  '«': '"',
  '»': '"',
  '″': '"',
  '—': '--',
  '―': '--',
  '–': '-',
  '‐': '-',
  '‑': '-',
  '−': '-',
  '…': '...',
  '\u00ad': '',
};
const NEEDS_REPLACEMENT = /[’‘‛′“”„«»″—―–‐‑−…\u00ad]/g;

/**
 * The form of a token the tagger's features read: curly quotes, dashes, ellipses and soft hyphens
 * folded to what CoNLL-2003's ASCII text has, so "Witkoff’s" gives "'s" and "—" gives "--".
 */
export function normalizeWord(word: string): string {
  return NEEDS_REPLACEMENT.test(word)
    ? word.replace(NEEDS_REPLACEMENT, (char) => REPLACEMENTS[char] ?? char)
    : word;
}
