import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DocumentFrequencies } from './document-frequencies.ts';
import { type IdVector, toIdVector } from './id-vector.ts';
import { IdfCosine } from './idf-cosine.ts';

function createFrequencies(): DocumentFrequencies {
  const frequencies = new DocumentFrequencies(undefined, 5);
  for (const keys of [
    ['ferry', 'strike', 'council'],
    ['ferry', 'budget'],
    ['council', 'budget', 'harbour'],
  ])
    frequencies.addDocument(keys.map((key) => frequencies.getId(key)));
  return frequencies;
}

function toVector(frequencies: DocumentFrequencies, entries: [string, number][], register = true): IdVector {
  return toIdVector(
    new Map(entries),
    new Map(entries.map(([key]) => [key, key.toUpperCase()])),
    frequencies,
    register,
  );
}

/** The cosine of the IDF-weighted vectors, computed the plain way. */
function referenceCosine(
  frequencies: DocumentFrequencies,
  a: [string, number][],
  b: [string, number][],
): number {
  const weigh = (entries: [string, number][]) =>
    new Map(entries.map(([key, value]) => [key, value * frequencies.idf(key)]));
  const [wa, wb] = [weigh(a), weigh(b)];
  let dot = 0;
  for (const [key, value] of wa) dot += value * (wb.get(key) ?? 0);
  const norm = (vector: Map<string, number>) =>
    Math.sqrt([...vector.values()].reduce((sum, v) => sum + v * v, 0));
  return dot / (norm(wa) * norm(wb));
}

test('IdfCosine gives the cosine of the IDF-weighted vectors, either way round, under the current IDF', () => {
  const frequencies = createFrequencies();
  const a: [string, number][] = [
    ['strike', 1.7],
    ['ferry', 1],
    ['glacier', 0.4],
  ];
  const b: [string, number][] = [
    ['council', 0.3],
    ['ferry', 0.8],
    ['budget', 0.5],
    ['strike', 0.2],
  ];
  const cosine = new IdfCosine(frequencies);
  const [va, vb] = [toVector(frequencies, a), toVector(frequencies, b)];
  cosine.setProbe(va);
  const expected = referenceCosine(frequencies, a, b);
  assert.ok(expected > 0 && expected < 1);
  assert.ok(Math.abs(cosine.cosine(vb) - expected) < 1e-12);
  cosine.setProbe(vb);
  assert.ok(Math.abs(cosine.cosine(va) - expected) < 1e-12);
  // A new document changes the IDF; setting the probe again picks it up.
  frequencies.addDocument([frequencies.getId('strike')]);
  cosine.setProbe(va);
  assert.ok(Math.abs(cosine.cosine(vb) - referenceCosine(frequencies, a, b)) < 1e-12);
  assert.equal(cosine.cosine(toVector(frequencies, [])), 0);
});

test('IdfCosine scores a probe with keys never seen (id -1) without registering them', () => {
  const frequencies = createFrequencies();
  const probe: [string, number][] = [
    ['ferry', 1],
    ['tidal', 2],
  ];
  const other: [string, number][] = [
    ['ferry', 1],
    ['strike', 1],
  ];
  const cosine = new IdfCosine(frequencies);
  cosine.setProbe(toVector(frequencies, probe, false));
  assert.equal(frequencies.findId('tidal'), -1);
  assert.ok(
    Math.abs(cosine.cosine(toVector(frequencies, other)) - referenceCosine(frequencies, probe, other)) <
      1e-12,
  );
});

test('IdfCosine ranks keys by IDF weight with ties by key, and explains with the probe forms', () => {
  const frequencies = createFrequencies();
  const cosine = new IdfCosine(frequencies);
  const vector = toVector(frequencies, [
    ['council', 1],
    ['strike', 1],
    ['ferry', 1],
    ['budget', 1],
    ['harbour', 2],
  ]);
  const heaviest = cosine.getHeaviestIds(vector, 3).map((id) => frequencies.getKey(id));
  // harbour: rare and doubled; strike: rare; budget, council and ferry tie (df 2), budget first by key.
  assert.deepEqual(heaviest, ['harbour', 'strike', 'budget']);
  assert.equal(cosine.getHeaviestIds(vector, 10).length, 5);
  cosine.setProbe(
    toVector(frequencies, [
      ['ferry', 1],
      ['harbour', 1],
      ['glacier', 1],
    ]),
  );
  assert.deepEqual(cosine.getSharedForms(vector, 5), ['HARBOUR', 'FERRY']);
});
