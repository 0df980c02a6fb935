import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InvertedIndex } from './inverted-index.ts';

test('InvertedIndex finds items by shared keys and forgets replaced or removed ones', () => {
  const index = new InvertedIndex<string>();
  index.setKeys('s1', [1, 2]);
  index.setKeys('s2', [2, 3]);
  assert.deepEqual(index.lookupTop([2, 1], 10, 10), ['s1', 's2']);
  index.setKeys('s1', [4]);
  assert.deepEqual(index.lookupTop([1], 10, 10), []);
  index.remove('s2');
  assert.deepEqual(index.lookupTop([2, 3, 4], 10, 10), ['s1']);
  assert.equal(index.size, 1);
  assert.equal(index.countPostings(), 1);
});

test('InvertedIndex.lookupTop ranks by shared keys, ties newest first, and reads only the newest postings', () => {
  const index = new InvertedIndex<string>();
  index.setKeys('s1', [1]);
  index.setKeys('s2', [1, 2]);
  index.setKeys('s3', [2]);
  index.setKeys('s4', [1, 2]);
  assert.deepEqual(index.lookupTop([1, 2], 3, 10), ['s4', 's2', 's1']);
  assert.deepEqual(index.lookupTop([1, 2], 10, 10), ['s4', 's2', 's1', 's3']);
  // Two postings per key: key 1 gives s4 and s2, key 2 gives s4 and s3.
  assert.deepEqual(index.lookupTop([1, 2], 10, 2), ['s4', 's2', 's3']);
  // Re-indexing makes s1 the newest under key 1.
  index.setKeys('s1', [1]);
  assert.deepEqual(index.lookupTop([1], 10, 1), ['s1']);
});
