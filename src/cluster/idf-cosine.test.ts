import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DocumentFrequencies } from './document-frequencies.ts';
import { compileVector, IdfCosine } from './idf-cosine.ts';
import { cosineSimilarity, getTopKeys, reweight } from './sparse-vector.ts';

function createFrequencies(): DocumentFrequencies {
  const frequencies = new DocumentFrequencies(undefined, 5);
  frequencies.addDocument(['ferry', 'strike', 'council']);
  frequencies.addDocument(['ferry', 'budget']);
  frequencies.addDocument(['council', 'budget', 'harbour']);
  return frequencies;
}

test('IdfCosine gives exactly the cosine of the IDF-reweighted maps, either way round', () => {
  const frequencies = createFrequencies();
  const idf = (key: string) => frequencies.idf(key);
  const a = new Map([
    ['strike', 1.7],
    ['ferry', 1],
    ['glacier', 0.4],
  ]);
  const b = new Map([
    ['council', 0.3],
    ['ferry', 0.8],
    ['budget', 0.5],
    ['strike', 0.2],
  ]);
  const cosine = new IdfCosine(frequencies);
  const expected = cosineSimilarity(reweight(a, idf), reweight(b, idf));
  assert.ok(expected > 0 && expected < 1);
  const compiledA = compileVector(a, frequencies);
  const compiledB = compileVector(b, frequencies);
  assert.equal(cosine.cosine(compiledA, compiledB), expected);
  assert.equal(cosine.cosine(compiledB, compiledA), cosineSimilarity(reweight(b, idf), reweight(a, idf)));
  // A cached norm is dropped once another document changes the IDF.
  frequencies.addDocument(['strike']);
  assert.equal(cosine.cosine(compiledA, compiledB), cosineSimilarity(reweight(a, idf), reweight(b, idf)));
  assert.equal(cosine.cosine(compiledA, compileVector(new Map(), frequencies)), 0);
});

test('IdfCosine.getHeaviestKeys ranks like getTopKeys on IDF-weighted values, ties by key', () => {
  const frequencies = createFrequencies();
  const vector = new Map([
    ['council', 1],
    ['strike', 1],
    ['ferry', 1],
    ['budget', 1],
    ['harbour', 2],
  ]);
  const expected = getTopKeys(vector, 3, (key, value) => value * frequencies.idf(key));
  assert.deepEqual(expected, ['harbour', 'strike', 'budget']);
  const cosine = new IdfCosine(frequencies);
  assert.deepEqual(cosine.getHeaviestKeys(compileVector(vector, frequencies), 3), expected);
  assert.deepEqual(
    cosine.getHeaviestKeys(compileVector(vector, frequencies), 10),
    getTopKeys(vector, 10, (key, value) => value * frequencies.idf(key)),
  );
});
