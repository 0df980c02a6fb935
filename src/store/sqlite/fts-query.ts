import type { SearchTerm } from '../search-terms.ts';

/**
 * An FTS5 MATCH expression requiring every term. Each term becomes an FTS5 string (a phrase of the
 * tokens it contains), so operators, parentheses, column filters and `*` in user text are plain
 * text; doubling `"` is FTS5's only escape inside a string. Returns undefined when there is nothing
 * to search for.
 */
export function buildFtsQuery(terms: SearchTerm[]): string | undefined {
  if (terms.length === 0) return undefined;
  return terms.map((term) => `"${term.text.replaceAll('"', '""')}"`).join(' AND ');
}
