/** One unit of a user's search as typed: a bare word or a "quoted phrase", never query syntax. */
export interface SearchTerm {
  kind: 'word' | 'phrase';
  text: string;
}

/** Straight and typographic double quotes both delimit phrases: phones and word processors type the latter. */
const QUOTE = /["\u201C\u201D\u201E]/u;
/** Control characters end or corrupt a query in the engine (FTS5 stops at NUL); lone surrogates cannot be encoded. */
const UNSENDABLE = /[\p{Cc}\p{Cs}]/gu;
/**
 * The categories full-text tokenizers index (FTS5 unicode61's default `L* N* Co`). A term without
 * any of them yields no token, and an empty phrase would make the whole AND query match nothing.
 */
const INDEXED_CHARACTER = /[\p{L}\p{N}\p{Co}]/u;

/**
 * Splits user search text into words and phrases; every backend turns these into its own syntax.
 * 1. Replace characters that cannot reach the engine intact with spaces.
 * 2. Split on double quotes: odd pieces were inside quotes (an unclosed quote runs to the end).
 * 3. A quoted piece is one phrase; an unquoted piece splits on whitespace into words.
 * 4. Drop terms with no indexable character.
 */
export function parseSearchTerms(input: string): SearchTerm[] {
  const pieces = input.replace(UNSENDABLE, ' ').split(QUOTE);
  const terms = pieces.flatMap((piece, index): SearchTerm[] =>
    index % 2 === 1
      ? [{ kind: 'phrase', text: piece.trim().replace(/\s+/gu, ' ') }]
      : piece
          .split(/\s+/u)
          .filter((word) => word !== '')
          .map((word) => ({ kind: 'word', text: word })),
  );
  return terms.filter((term) => INDEXED_CHARACTER.test(term.text));
}
