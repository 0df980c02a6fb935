import assert from 'node:assert/strict';
import { test } from 'node:test';
import { splitSentences } from './sentence-spans.ts';

test('splitSentences returns trimmed sentence spans inside the given range', () => {
  const text = 'Intro. The dam held. Crews left at noon!  Then rain came.';
  const spans = splitSentences(text, { start: 7, end: text.length });
  assert.deepEqual(
    spans.map((span) => text.slice(span.start, span.end)),
    ['The dam held.', 'Crews left at noon!', 'Then rain came.'],
  );
});
