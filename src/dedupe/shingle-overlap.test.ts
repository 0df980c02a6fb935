import assert from 'node:assert/strict';
import { test } from 'node:test';
import { measureOverlap } from './shingle-overlap.ts';

test('measureOverlap gives Jaccard over the union and containment over the smaller set', () => {
  const long = Uint32Array.from([1, 2, 3, 4, 5, 6, 7, 8]);
  const short = Uint32Array.from([2, 4, 6, 9]);
  assert.deepEqual(measureOverlap(long, short), { jaccard: 3 / 9, containment: 3 / 4 });
  assert.deepEqual(measureOverlap(short, long), { jaccard: 3 / 9, containment: 3 / 4 });
  assert.deepEqual(measureOverlap(long, long), { jaccard: 1, containment: 1 });
});

test('measureOverlap of empty sets is zero, not NaN', () => {
  assert.deepEqual(measureOverlap(new Uint32Array(0), new Uint32Array(0)), { jaccard: 0, containment: 0 });
});
