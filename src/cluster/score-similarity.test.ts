import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DocumentFrequencies } from './document-frequencies.ts';
import { scoreSimilarity } from './score-similarity.ts';

test('scoreSimilarity adds the weighted name cosine and explains with the rarest shared keys first', () => {
  const terms = new DocumentFrequencies();
  terms.addDocument(['ferry', 'strike', 'council']);
  terms.addDocument(['ferry', 'strike', 'budget']);
  terms.addDocument(['council', 'budget']);
  terms.addDocument(['council']);
  const entities = new DocumentFrequencies();
  entities.addDocument(['aldery']);
  const a = {
    terms: new Map([
      ['ferry', 1],
      ['strike', 1],
      ['council', 1],
    ]),
    entities: new Map([['aldery', 1]]),
  };
  const b = {
    terms: new Map([
      ['ferry', 1],
      ['strike', 1],
      ['council', 1],
      ['budget', 1],
    ]),
    entities: new Map([['aldery', 1]]),
  };
  const similarity = scoreSimilarity(a, b, { terms, entities }, 0.5);
  assert.equal(similarity.entityCosine, 1);
  assert.ok(similarity.termCosine > 0.5 && similarity.termCosine < 1);
  assert.ok(Math.abs(similarity.score - (similarity.termCosine + 0.5)) < 1e-12);
  // "council" is in three of four documents, so it explains least.
  assert.deepEqual(similarity.terms, ['ferry', 'strike', 'council']);
  assert.deepEqual(similarity.entities, ['aldery']);
});
