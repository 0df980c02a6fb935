import type { Field } from '../model/article.ts';

/** `/2025/08/12/` or `/2025-08-12` style dates in a URL path. */
const PATH_DATE = /\/((?:19|20)\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?=[/\-_.]|$)/;

/** The publication date a URL path spells out, as an ISO-8601 date with origin `url`. */
export function findDateInUrl(url: string): Field | undefined {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return undefined;
  }
  const match = PATH_DATE.exec(path);
  if (!match) return undefined;
  const [, year, month, day] = match;
  const value = `${year}-${month?.padStart(2, '0')}-${day?.padStart(2, '0')}`;
  // Reject dates that do not exist (31 June) rather than let Date roll them over.
  const parsed = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value) return undefined;
  return { value, origin: 'url' };
}
