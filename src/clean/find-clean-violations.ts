import type { Span } from '../model/span.ts';
import type { CleanResult } from './clean-article.ts';

const NON_WHITESPACE = /\S/;

/**
 * Every way a cleaning result breaks its contract with the text, as one-line messages (empty when
 * it holds). Used by the tests and available to any caller that wants to check a result.
 * 1. Body, removed and field spans lie inside the text and have trimmed edges.
 * 2. Body spans and removed spans are each sorted and non-overlapping, and never overlap each other.
 * 3. Every non-whitespace character lies in the body or in a removed span.
 * 4. The title and byline spans lie inside removed spans; the dateline lies inside the body.
 */
export function findCleanViolations(text: string, result: CleanResult): string[] {
  const violations: string[] = [];
  const check = (name: string, span: Span) => {
    if (!(span.start >= 0 && span.start < span.end && span.end <= text.length)) {
      violations.push(`${name} [${span.start}, ${span.end}) is empty or outside the text`);
    } else if (
      !NON_WHITESPACE.test(text.charAt(span.start)) ||
      !NON_WHITESPACE.test(text.charAt(span.end - 1))
    ) {
      violations.push(`${name} [${span.start}, ${span.end}) has whitespace at an edge`);
    }
  };
  for (const [index, span] of result.body.entries()) check(`body[${index}]`, span);
  for (const [index, span] of result.removed.entries()) check(`removed[${index}]`, span);
  const ordered = [
    ...result.body.map((span) => ({ ...span, name: 'body' })),
    ...result.removed.map((span) => ({ ...span, name: `removed (${span.reason})` })),
  ].sort((a, b) => a.start - b.start);
  for (let index = 1; index < ordered.length; index++) {
    const previous = ordered[index - 1]!;
    const current = ordered[index]!;
    if (current.start < previous.end) {
      violations.push(
        `${previous.name} [${previous.start}, ${previous.end}) overlaps ${current.name} at ${current.start}`,
      );
    }
  }
  for (const list of [result.body, result.removed]) {
    for (let index = 1; index < list.length; index++) {
      if (list[index]!.start < list[index - 1]!.end)
        violations.push(`spans out of order at ${list[index]!.start}`);
    }
  }
  let cursor = 0;
  for (const span of ordered) {
    const gap = text.slice(cursor, span.start);
    if (NON_WHITESPACE.test(gap))
      violations.push(`text at ${cursor + gap.search(NON_WHITESPACE)} is unaccounted for`);
    cursor = Math.max(cursor, span.end);
  }
  const tail = text.slice(cursor);
  if (NON_WHITESPACE.test(tail))
    violations.push(`text at ${cursor + tail.search(NON_WHITESPACE)} is unaccounted for`);
  const within = (span: Span, spans: Span[]) =>
    spans.some((outer) => outer.start <= span.start && span.end <= outer.end);
  for (const [name, field, container] of [
    ['title', result.title, result.removed],
    ['byline', result.byline, result.removed],
    ['dateline', result.dateline, result.body],
  ] as const) {
    if (!field?.span) continue;
    check(name, field.span);
    if (!within(field.span, container)) violations.push(`${name} span is not inside the expected spans`);
    if (text.slice(field.span.start, field.span.end) !== field.value)
      violations.push(`${name} value is not its span's text`);
  }
  return violations;
}
