import assert from 'node:assert/strict';
import { test } from 'node:test';
import { computeMinHash, estimateJaccard, MINHASH_PERMUTATIONS } from './minhash.ts';

/** Sorted sets of `size` values where the first `shared` are common to both. */
function makeSets(size: number, shared: number): [Uint32Array, Uint32Array] {
  const a = Uint32Array.from({ length: size }, (_, index) => index * 7 + 1);
  const b = Uint32Array.from({ length: size }, (_, index) =>
    index < shared ? index * 7 + 1 : 1_000_000 + index,
  );
  return [a, b.sort()];
}

test('the share of equal positions estimates the Jaccard similarity', () => {
  for (const shared of [0, 100, 200, 300]) {
    const [a, b] = makeSets(300, shared);
    const jaccard = shared / (600 - shared);
    const estimate = estimateJaccard(computeMinHash(a), computeMinHash(b));
    // 128 permutations: standard error ≤ 0.044, so 0.15 is more than three of them.
    assert.ok(Math.abs(estimate - jaccard) <= 0.15, `shared ${shared}: ${estimate} vs ${jaccard}`);
  }
});

test('signatures are deterministic: fixed seeds, integer arithmetic, the same values on every machine', () => {
  const signature = computeMinHash(Uint32Array.from([1, 2, 3, 0xffffffff]));
  assert.equal(signature.length, MINHASH_PERMUTATIONS);
  assert.deepEqual(signature, computeMinHash(Uint32Array.from([1, 2, 3, 0xffffffff])));
  assert.deepEqual([...signature.subarray(0, 4)], PINNED_FIRST_VALUES);
});

test('an empty set keeps every position at the largest value', () => {
  assert.ok(computeMinHash(new Uint32Array(0)).every((value) => value === 0xffffffff));
});

test('estimateJaccard refuses signatures of different lengths', () => {
  assert.throws(() => estimateJaccard(new Uint32Array(4), new Uint32Array(8)), /differ in length \(4 vs 8\)/);
});

/** Recorded once from this implementation: a change here means stored signatures would no longer match. */
const PINNED_FIRST_VALUES = [577680360, 1388166613, 1801265926, 30985296];
