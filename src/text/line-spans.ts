import type { Span } from '../model/span.ts';
import { isEmptySpan, trimSpan } from './trim-span.ts';

/** A line break: CRLF, LF, CR, or the Unicode line and paragraph separators. */
const LINE_BREAK = /\r\n|[\n\r\u2028\u2029]/g;

/** Every line of `text` (or of `within`), without its terminator and untrimmed; empty lines included. */
export function splitLines(text: string, within: Span = { start: 0, end: text.length }): Span[] {
  const lines: Span[] = [];
  const slice = text.slice(within.start, within.end);
  let lineStart = 0;
  for (const match of slice.matchAll(LINE_BREAK)) {
    lines.push({ start: within.start + lineStart, end: within.start + match.index });
    lineStart = match.index + match[0].length;
  }
  lines.push({ start: within.start + lineStart, end: within.end });
  return lines;
}

/** The non-blank lines of `text` (or of `within`), each trimmed of surrounding whitespace. */
export function splitTrimmedLines(text: string, within?: Span): Span[] {
  return splitLines(text, within)
    .map((line) => trimSpan(text, line))
    .filter((line) => !isEmptySpan(line));
}
