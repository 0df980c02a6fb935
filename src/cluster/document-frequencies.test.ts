import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DocumentFrequencies } from './document-frequencies.ts';

test('DocumentFrequencies counts each key once per document and ranks rare keys higher', () => {
  const frequencies = new DocumentFrequencies();
  frequencies.addDocument(['ferry', 'harbour', 'ferry']);
  frequencies.addDocument(['harbour', 'strike']);
  frequencies.addDocument(['harbour']);
  assert.equal(frequencies.documentCount, 3);
  assert.equal(frequencies.frequency('ferry'), 1);
  assert.equal(frequencies.frequency('harbour'), 3);
  assert.ok(frequencies.idf('ferry') > frequencies.idf('harbour'));
  assert.ok(frequencies.idf('harbour') > 0);
  assert.ok(frequencies.idf('never-seen') > frequencies.idf('ferry'));
});

test('DocumentFrequencies state round-trips through JSON', () => {
  const frequencies = new DocumentFrequencies();
  frequencies.addDocument(['glacier', 'survey']);
  const copy = new DocumentFrequencies(JSON.parse(JSON.stringify(frequencies.toState())));
  assert.equal(copy.documentCount, 1);
  assert.equal(copy.idf('glacier'), frequencies.idf('glacier'));
});

test('DocumentFrequencies ids name keys, and idfOf tracks the counts as documents arrive', () => {
  const frequencies = new DocumentFrequencies(undefined, 10);
  frequencies.addDocument(['ferry', 'strike']);
  const ferry = frequencies.getId('ferry');
  assert.equal(frequencies.getKey(ferry), 'ferry');
  assert.equal(frequencies.idfOf(ferry), frequencies.idf('ferry'));
  frequencies.addDocument(['ferry']);
  assert.equal(frequencies.idfOf(ferry), frequencies.idf('ferry'));
  assert.equal(frequencies.idfOf(ferry), Math.log((2 + 10 + 1) / (2 + 0.5)));
  // A key only looked up gets an id but no count, and stays out of the saved state.
  frequencies.getId('glacier');
  assert.deepEqual(frequencies.toState().counts, { ferry: 2, strike: 1 });
});
