import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getCandidateProbability, LSH_BANDS, LSH_ROWS, LshIndex, MAX_BUCKET_SIZE } from './lsh-index.ts';
import { MINHASH_PERMUTATIONS } from './minhash.ts';

const signatureOf = (values: (index: number) => number) =>
  Uint32Array.from({ length: MINHASH_PERMUTATIONS }, (_, index) => values(index));

test('the default bands and rows cover a whole MinHash signature', () => {
  assert.equal(LSH_BANDS * LSH_ROWS, MINHASH_PERMUTATIONS);
});

test('the S-curve separates copies (Jaccard ≥ 0.6) from unrelated texts (≤ 0.1)', () => {
  assert.ok(getCandidateProbability(0.6) > 0.98);
  assert.ok(getCandidateProbability(0.5) > 0.85);
  assert.ok(getCandidateProbability(0.1) < 0.005);
});

test('members sharing a band are candidates, ranked by shared bands; others are not', () => {
  const index = new LshIndex();
  const base = signatureOf((i) => i * 1000);
  index.insert(1, base);
  index.insert(
    2,
    signatureOf((i) => (i < 8 ? i * 1000 : i + 7)),
  );
  index.insert(
    3,
    signatureOf((i) => i + 5),
  );
  const candidates = index.query(base);
  assert.deepEqual(candidates, [
    { member: 1, sharedBands: LSH_BANDS },
    { member: 2, sharedBands: 2 },
  ]);
  assert.deepEqual(index.query(base, 1), [{ member: 1, sharedBands: LSH_BANDS }]);
});

test('a full bucket keeps its first members, so query cost stays bounded', () => {
  const index = new LshIndex();
  const same = signatureOf((i) => i);
  for (let member = 0; member < MAX_BUCKET_SIZE + 10; member++) index.insert(member, same);
  const candidates = index.query(same);
  assert.equal(candidates.length, MAX_BUCKET_SIZE);
  assert.equal(candidates.at(-1)?.member, MAX_BUCKET_SIZE - 1);
});

test('state round-trips through JSON and rejects signatures of the wrong length', () => {
  const index = new LshIndex();
  const signature = signatureOf((i) => i * 3);
  index.insert(7, signature);
  const restored = LshIndex.fromState(JSON.parse(JSON.stringify(index.toState())));
  assert.deepEqual(restored.query(signature), [{ member: 7, sharedBands: LSH_BANDS }]);
  assert.throws(() => index.query(new Uint32Array(10)), /needs signatures of 128 values, got 10/);
});
