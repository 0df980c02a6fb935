import type { Span } from '../model/span.ts';

/** Whitespace as `\s` in JavaScript regular expressions (includes NBSP, BOM and line separators). */
const WHITESPACE = /\s/;

export function isWhitespace(char: string): boolean {
  return WHITESPACE.test(char);
}

/**
 * Narrows a span to exclude whitespace at either edge; an all-whitespace span becomes empty
 * (`start === end`) at its original start.
 */
export function trimSpan(text: string, span: Span): Span {
  let start = span.start;
  let end = span.end;
  while (start < end && isWhitespace(text.charAt(start))) start++;
  while (end > start && isWhitespace(text.charAt(end - 1))) end--;
  return start === end ? { start: span.start, end: span.start } : { start, end };
}

export function isEmptySpan(span: Span): boolean {
  return span.end <= span.start;
}
