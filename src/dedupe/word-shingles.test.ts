import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  getShingleFingerprints,
  getWordShingles,
  hashShingles,
  SHINGLE_WORDS,
  tokenizeForShingles,
} from './word-shingles.ts';

test('tokenizeForShingles folds case, quotes and dashes and drops punctuation', () => {
  assert.deepEqual(tokenizeForShingles('The Mayor’s “plan” — 4.75% up, well-known.'), [
    'the',
    "mayor's",
    'plan',
    '4.75',
    'up',
    'well-known',
  ]);
});

test('a text of n words has n - 4 five-word shingles, sorted and distinct', () => {
  const shingles = getWordShingles('one two three four five six seven eight');
  assert.equal(SHINGLE_WORDS, 5);
  assert.equal(shingles.length, 4);
  for (let index = 1; index < shingles.length; index++)
    assert.ok((shingles[index - 1] ?? 0) < (shingles[index] ?? 0));
});

test('layout, case and quote style do not change the shingles; a word edit changes only its windows', () => {
  const base = 'Crews reopened the coast road on Friday after the landslide was cleared by volunteers.';
  assert.deepEqual(
    getWordShingles(base),
    getWordShingles(
      'CREWS reopened the coast road\n\non Friday — after the landslide was cleared by volunteers',
    ),
  );
  const edited = getWordShingles(base.replace('Friday', 'Saturday'));
  const original = new Set(getWordShingles(base));
  const changed = [...edited].filter((shingle) => !original.has(shingle)).length;
  assert.equal(changed, SHINGLE_WORDS);
});

test('repeated windows count once', () => {
  assert.equal(hashShingles(['a', 'b', 'a', 'b', 'a', 'b', 'a'], 2).length, 2);
});

test('texts shorter than a shingle give one shingle of all their words; no words give none', () => {
  assert.equal(getWordShingles('Ferry delayed.').length, 1);
  assert.notDeepEqual(getWordShingles('Ferry delayed.'), getWordShingles('Ferry cancelled.'));
  assert.equal(getWordShingles(' — · — ').length, 0);
});

test('fingerprints are the top 16 bits of the shingles, sorted and distinct', () => {
  const shingles = Uint32Array.from([0x00010005, 0x0001ffff, 0x00020000, 0xfffe0001, 0xffff0000]);
  assert.deepEqual(getShingleFingerprints(shingles), Uint16Array.from([1, 2, 0xfffe, 0xffff]));
  assert.equal(getShingleFingerprints(new Uint32Array(0)).length, 0);
});
