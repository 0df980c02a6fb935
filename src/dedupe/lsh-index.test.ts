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
  const base = index.getBandKeys(signatureOf((i) => i * 1000));
  index.insert(1, base);
  index.insert(2, index.getBandKeys(signatureOf((i) => (i < 8 ? i * 1000 : i + 7))));
  index.insert(3, index.getBandKeys(signatureOf((i) => i + 5)));
  assert.deepEqual(index.query(base), [
    { member: 1, sharedBands: LSH_BANDS },
    { member: 2, sharedBands: 2 },
  ]);
  assert.deepEqual(index.query(base, 1), [{ member: 1, sharedBands: LSH_BANDS }]);
});

test('a removed member is no longer a candidate; the others stay', () => {
  const index = new LshIndex();
  const keys = index.getBandKeys(signatureOf((i) => i));
  for (const member of [4, 5, 6]) index.insert(member, keys);
  index.remove(5, keys);
  assert.deepEqual(
    index.query(keys).map((candidate) => candidate.member),
    [4, 6],
  );
  index.remove(4, keys);
  index.remove(4, keys);
  assert.deepEqual(
    index.query(keys).map((candidate) => candidate.member),
    [6],
  );
  index.remove(6, keys);
  assert.deepEqual(index.query(keys), []);
});

test('a full bucket keeps its first members, so query cost stays bounded; removals make room again', () => {
  const index = new LshIndex();
  const same = index.getBandKeys(signatureOf((i) => i));
  for (let member = 0; member < MAX_BUCKET_SIZE; member++)
    assert.equal(index.insert(member, same), undefined);
  const skipped = index.insert(MAX_BUCKET_SIZE, same);
  assert.equal(skipped?.length, LSH_BANDS);
  const candidates = index.query(same);
  assert.equal(candidates.length, MAX_BUCKET_SIZE);
  assert.equal(candidates.at(-1)?.member, MAX_BUCKET_SIZE - 1);
  index.remove(0, same);
  assert.equal(index.insert(MAX_BUCKET_SIZE + 1, same), undefined);
  assert.equal(index.query(same).at(-1)?.member, MAX_BUCKET_SIZE + 1);
});

test('reinsert with the skipped bands rebuilds identical buckets', () => {
  const live = new LshIndex();
  const rebuilt = new LshIndex();
  const same = live.getBandKeys(signatureOf((i) => i));
  const skippedByMember = new Map<number, number[] | undefined>();
  for (let member = 0; member <= MAX_BUCKET_SIZE + 2; member++) {
    skippedByMember.set(member, live.insert(member, same));
    if (member === 3) live.remove(1, same);
  }
  for (const [member, skipped] of skippedByMember) if (member !== 1) rebuilt.reinsert(member, same, skipped);
  assert.deepEqual(rebuilt.query(same), live.query(same));
});

test('after many inserts and removals with colliding keys, queries agree with a plain model', () => {
  const index = new LshIndex();
  const model = new Map<number, Uint32Array>();
  // 4,999 distinct keys (spread over the table) for 96,000 entries: buckets of about 20, shared
  // across bands too; 3,000 members make the table grow several times.
  const keysOf = (member: number) =>
    Uint32Array.from(
      { length: LSH_BANDS },
      (_, band) => (Math.imul((member * 7 + band * 13) % 4999, 0x9e3779b1) >>> 2) + 1,
    );
  for (let member = 0; member < 3000; member++) {
    const keys = keysOf(member);
    index.reinsert(member, keys);
    model.set(member, keys);
    if (member % 3 === 0) {
      const gone = (member * 5) % (member + 1);
      if (model.has(gone)) {
        index.remove(gone, model.get(gone)!);
        model.delete(gone);
      }
    }
  }
  for (let probe = 0; probe < 3000; probe += 97) {
    const keys = keysOf(probe);
    const expected = [...model]
      .map(([member, memberKeys]) => ({
        member,
        sharedBands: [...keys].reduce((sum, key) => sum + memberKeys.filter((k) => k === key).length, 0),
      }))
      .filter((candidate) => candidate.sharedBands > 0)
      .sort((a, b) => b.sharedBands - a.sharedBands || a.member - b.member);
    assert.deepEqual(index.query(keys), expected, `probe ${probe}`);
  }
});

test('signatures and band keys of the wrong length are refused', () => {
  const index = new LshIndex();
  assert.throws(() => index.getBandKeys(new Uint32Array(10)), /needs signatures of 128 values, got 10/);
  assert.throws(() => index.query(new Uint32Array(10)), /needs 32 band keys, got 10/);
});
