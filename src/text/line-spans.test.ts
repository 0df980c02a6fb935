import assert from 'node:assert/strict';
import { test } from 'node:test';
import { splitLines, splitTrimmedLines } from './line-spans.ts';

test('splitLines handles LF, CRLF and CR and keeps empty lines', () => {
  const text = 'one\r\ntwo\n\nthree\rfour';
  const lines = splitLines(text).map((span) => text.slice(span.start, span.end));
  assert.deepEqual(lines, ['one', 'two', '', 'three', 'four']);
});

test('splitTrimmedLines returns trimmed non-blank lines with offsets into the text', () => {
  const text = '  alpha  \n\n   \n beta';
  const spans = splitTrimmedLines(text);
  assert.deepEqual(spans, [
    { start: 2, end: 7 },
    { start: 16, end: 20 },
  ]);
});

test('splitLines works inside a sub-range', () => {
  const text = 'xx\nab\ncd\nyy';
  const lines = splitLines(text, { start: 3, end: 8 }).map((span) => text.slice(span.start, span.end));
  assert.deepEqual(lines, ['ab', 'cd']);
});
