import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DocumentFrequencies } from './document-frequencies.ts';
import { getRawNorm, type IdVector, toIdVector, VectorSummer } from './id-vector.ts';

function toVector(frequencies: DocumentFrequencies, entries: [string, number][]): IdVector {
  return toIdVector(new Map(entries), new Map(entries.map(([key]) => [key, `${key}s`])), frequencies, true);
}

function toEntries(frequencies: DocumentFrequencies, vector: IdVector): [string, number, string][] {
  return Array.from(vector.ids, (id, index) => [
    frequencies.getKey(id),
    vector.values[index] ?? 0,
    vector.forms[index] ?? '',
  ]);
}

test('VectorSummer adds scaled vectors: first vector order, then new keys, first written form kept', () => {
  const frequencies = new DocumentFrequencies();
  const summer = new VectorSummer(frequencies);
  const a = toVector(frequencies, [
    ['quay', 1],
    ['dock', 2],
  ]);
  const b = toIdVector(
    new Map([
      ['crane', 1],
      ['dock', 1],
    ]),
    new Map([['dock', 'docking']]),
    frequencies,
    true,
  );
  assert.deepEqual(toEntries(frequencies, summer.add(a, b, 2, 10).sum), [
    ['quay', 1, 'quays'],
    ['dock', 4, 'docks'],
    ['crane', 2, 'crane'],
  ]);
  assert.equal(summer.add(a, b, 2, 10).dot, 2 * 2);
  // The scratch array is clear again: a second sum is not disturbed by the first.
  assert.deepEqual(toEntries(frequencies, summer.add(b, a, 1, 10).sum), [
    ['crane', 1, 'crane'],
    ['dock', 3, 'docking'],
    ['quay', 1, 'quays'],
  ]);
});

test('VectorSummer keeps the heaviest entries, ties at the cut by key, in order', () => {
  const frequencies = new DocumentFrequencies();
  const summer = new VectorSummer(frequencies);
  const vector = toVector(frequencies, [
    ['tide', 1],
    ['dock', 2],
    ['reef', 1],
    ['crane', 1],
    ['quay', 3],
  ]);
  const cut = summer.add(vector, toVector(frequencies, []), 1, 3).sum;
  assert.deepEqual(
    toEntries(frequencies, cut).map(([key]) => key),
    ['dock', 'crane', 'quay'],
  );
  assert.equal(
    getRawNorm(
      toVector(frequencies, [
        ['a', 3],
        ['b', 4],
      ]),
    ),
    5,
  );
});
