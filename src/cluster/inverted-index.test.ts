import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InvertedIndex } from './inverted-index.ts';

test('InvertedIndex finds stories by shared keys and forgets replaced or removed ones', () => {
  const index = new InvertedIndex();
  index.setKeys('s1', ['ferry', 'strike']);
  index.setKeys('s2', ['strike', 'glacier']);
  assert.deepEqual(Object.fromEntries(index.lookup(['strike', 'ferry'])), { s1: 2, s2: 1 });
  index.setKeys('s1', ['budget']);
  assert.deepEqual([...index.lookup(['ferry'])], []);
  index.remove('s2');
  assert.deepEqual([...index.lookup(['strike', 'glacier', 'budget'])], [['s1', 1]]);
});

test('InvertedIndex.lookupTop keeps the stories sharing most keys, ties in lookup order', () => {
  const index = new InvertedIndex();
  index.setKeys('s1', ['ferry']);
  index.setKeys('s2', ['ferry', 'strike']);
  index.setKeys('s3', ['strike']);
  index.setKeys('s4', ['ferry', 'strike']);
  assert.deepEqual(index.lookupTop(['ferry', 'strike'], 3), ['s2', 's4', 's1']);
  assert.deepEqual(index.lookupTop(['ferry', 'strike'], 10), ['s2', 's4', 's1', 's3']);
});
