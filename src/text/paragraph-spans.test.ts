import assert from 'node:assert/strict';
import { test } from 'node:test';
import { splitParagraphs } from './paragraph-spans.ts';

const longLine = (word: string) => `${`${word} `.repeat(25).trim()}.`;

test('blank-line separated text gives one paragraph per block, keeping soft line breaks inside', () => {
  const text = 'First short line\nsecond line of the same block\n\nAnother block\n';
  const { mode, paragraphs } = splitParagraphs(text);
  assert.equal(mode, 'blocks');
  assert.deepEqual(
    paragraphs.map((p) => text.slice(p.span.start, p.span.end)),
    ['First short line\nsecond line of the same block', 'Another block'],
  );
  assert.equal(paragraphs[0]?.lines.length, 2);
});

test('text writing one long paragraph a line gives one paragraph per line', () => {
  const text = `Headline\n${longLine('alpha')}\n${longLine('beta')}\n\nSection\n${longLine('gamma')}`;
  const { mode, paragraphs } = splitParagraphs(text);
  assert.equal(mode, 'lines');
  assert.equal(paragraphs.length, 5);
  assert.deepEqual(
    paragraphs.map((p) => p.block),
    [0, 0, 0, 1, 1],
  );
});

test('hard-wrapped prose (short lines in blank-separated blocks) stays in blocks mode', () => {
  const text = 'The council met on\nTuesday to discuss\nthe budget.\n\nIt adjourned at\nnoon without a vote.';
  const { mode, paragraphs } = splitParagraphs(text);
  assert.equal(mode, 'blocks');
  assert.equal(paragraphs.length, 2);
});

test('a text with no blank line at all is read one paragraph a line', () => {
  const { mode, paragraphs } = splitParagraphs('Title\nFirst paragraph.\nSecond paragraph.');
  assert.equal(mode, 'lines');
  assert.equal(paragraphs.length, 3);
});
