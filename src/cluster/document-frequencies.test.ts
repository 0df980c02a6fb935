import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DocumentFrequencies } from './document-frequencies.ts';

function addDocument(frequencies: DocumentFrequencies, keys: string[]): void {
  frequencies.addDocument([...new Set(keys)].map((key) => frequencies.getId(key)));
}

test('DocumentFrequencies counts documents per key and ranks rare keys higher', () => {
  const frequencies = new DocumentFrequencies();
  addDocument(frequencies, ['ferry', 'harbour']);
  addDocument(frequencies, ['harbour', 'strike']);
  addDocument(frequencies, ['harbour']);
  assert.equal(frequencies.documentCount, 3);
  assert.equal(frequencies.frequency('ferry'), 1);
  assert.equal(frequencies.frequency('harbour'), 3);
  assert.ok(frequencies.idf('ferry') > frequencies.idf('harbour'));
  assert.ok(frequencies.idf('harbour') > 0);
  assert.ok(frequencies.idf('never-seen') > frequencies.idf('ferry'));
});

test('DocumentFrequencies IDF is ln((N + prior + 1) / (df + 0.5)), by key or id, and -1 is a key never seen', () => {
  const frequencies = new DocumentFrequencies(undefined, 10);
  addDocument(frequencies, ['ferry', 'strike']);
  addDocument(frequencies, ['ferry']);
  const ferry = frequencies.getId('ferry');
  assert.equal(frequencies.getKey(ferry), 'ferry');
  assert.ok(Math.abs(frequencies.idfOf(ferry) - Math.log((2 + 10 + 1) / (2 + 0.5))) < 1e-12);
  assert.equal(frequencies.idf('ferry'), frequencies.idfOf(ferry));
  assert.equal(frequencies.findId('glacier'), -1);
  assert.ok(Math.abs(frequencies.idfOf(-1) - Math.log((2 + 10 + 1) / 0.5)) < 1e-12);
  // findId assigns nothing; a key only given an id has no count and stays out of the saved state.
  assert.equal(frequencies.size, 2);
  frequencies.getId('glacier');
  assert.deepEqual(frequencies.toState().counts, [
    ['ferry', 2],
    ['strike', 1],
  ]);
});

test('DocumentFrequencies state round-trips through JSON with the same IDF, to the bit', () => {
  const frequencies = new DocumentFrequencies(undefined, 50);
  for (let index = 0; index < 3000; index++) addDocument(frequencies, [`key${index % 1500}`, 'common']);
  const copy = new DocumentFrequencies(JSON.parse(JSON.stringify(frequencies.toState())), 50);
  assert.equal(copy.documentCount, 3000);
  assert.equal(copy.idf('common'), frequencies.idf('common'));
  assert.equal(copy.idf('key7'), frequencies.idf('key7'));
});
