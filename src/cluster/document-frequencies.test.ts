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
