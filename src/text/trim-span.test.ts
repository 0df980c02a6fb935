import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isEmptySpan, trimSpan } from './trim-span.ts';

test('trimSpan drops spaces, tabs, NBSP and newlines at both edges', () => {
  const text = ' \t\u00a0hello world\n ';
  const span = trimSpan(text, { start: 0, end: text.length });
  assert.equal(text.slice(span.start, span.end), 'hello world');
});

test('trimSpan turns an all-whitespace span into an empty one at its start', () => {
  const span = trimSpan('ab   cd', { start: 2, end: 5 });
  assert.deepEqual(span, { start: 2, end: 2 });
  assert.ok(isEmptySpan(span));
});
