import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addScaled, cosineSimilarity, getTopKeys, truncateVector } from './sparse-vector.ts';

test('cosineSimilarity is 1 for parallel vectors, 0 for disjoint or empty ones', () => {
  const a = new Map([
    ['tide', 1],
    ['moon', 2],
  ]);
  const b = new Map([
    ['tide', 2],
    ['moon', 4],
  ]);
  assert.ok(Math.abs(cosineSimilarity(a, b) - 1) < 1e-12);
  assert.equal(cosineSimilarity(a, new Map([['sun', 1]])), 0);
  assert.equal(cosineSimilarity(a, new Map()), 0);
  assert.ok(Math.abs(cosineSimilarity(a, new Map([['tide', 1]])) - 1 / Math.sqrt(5)) < 1e-12);
});

test('addScaled accumulates in place; truncateVector keeps the heaviest entries', () => {
  const target = new Map([['a', 1]]);
  addScaled(
    target,
    new Map([
      ['a', 1],
      ['b', 3],
      ['c', 0.5],
    ]),
    2,
  );
  assert.deepEqual(
    [...target],
    [
      ['a', 3],
      ['b', 6],
      ['c', 1],
    ],
  );
  assert.deepEqual(getTopKeys(target, 2), ['b', 'a']);
  truncateVector(target, 2);
  assert.deepEqual([...target.keys()].sort(), ['a', 'b']);
});

test('truncateVector breaks ties at the cut by key, as getTopKeys ranks them, and keeps map order', () => {
  const vector = new Map([
    ['tide', 1],
    ['dock', 2],
    ['reef', 1],
    ['crane', 1],
    ['quay', 3],
  ]);
  assert.deepEqual(getTopKeys(vector, 3), ['quay', 'dock', 'crane']);
  truncateVector(vector, 3);
  assert.deepEqual([...vector.keys()], ['dock', 'crane', 'quay']);
});
