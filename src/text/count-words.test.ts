import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countWords } from './count-words.ts';

test('countWords counts letter and digit runs, keeping inner apostrophes, dots and hyphens', () => {
  assert.equal(countWords("It's a 4.75% rate — well-known, isn’t it?"), 7);
  assert.equal(countWords(' — | — '), 0);
});
