import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DocumentFrequencies } from './document-frequencies.ts';
import { type IdVector, toIdVector, VectorSummer } from './id-vector.ts';
import { addToStory, type CentroidContext, createStory, mergeStoryInto } from './story-centroid.ts';

const terms = new DocumentFrequencies();
const entities = new DocumentFrequencies();
const CONTEXT: CentroidContext = {
  termSummer: new VectorSummer(terms),
  entitySummer: new VectorSummer(entities),
  maxTerms: 2,
  maxEntities: 1,
};

function toVector(frequencies: DocumentFrequencies, entries: [string, number][]): IdVector {
  return toIdVector(new Map(entries), new Map(), frequencies, true);
}

function weightOf(vector: IdVector, key: string): number {
  return vector.values[vector.ids.indexOf(terms.getId(key))] ?? 0;
}

test('addToStory adds unit vectors, bounds the centroid, widens the dates and tracks cohesion', () => {
  const story = createStory('s1');
  addToStory(
    story,
    {
      terms: toVector(terms, [
        ['ferry', 3],
        ['strike', 4],
      ]),
      entities: toVector(entities, [['aldery', 2]]),
      time: 100,
    },
    CONTEXT,
  );
  assert.ok(Math.abs(weightOf(story.terms, 'strike') - 0.8) < 1e-12);
  assert.ok(Math.abs(weightOf(story.terms, 'ferry') - 0.6) < 1e-12);
  assert.ok(Math.abs(story.cohesion - 1) < 1e-12);
  addToStory(
    story,
    { terms: toVector(terms, [['pier', 1]]), entities: toVector(entities, [['skerrin', 1]]), time: 50 },
    CONTEXT,
  );
  assert.deepEqual(
    Array.from(story.terms.ids, (id) => terms.getKey(id)),
    ['strike', 'pier'],
  );
  assert.equal(story.entities.ids.length, 1);
  assert.equal(story.size, 2);
  // Two members sharing nothing: ‖(0.6, 0.8, 1)‖ / 2, from the norm before the cut dropped ferry.
  assert.ok(Math.abs(story.cohesion - Math.SQRT2 / 2) < 1e-12);
  assert.equal(story.firstTime, 50);
  assert.equal(story.lastTime, 100);
});

test('mergeStoryInto moves sizes, weights and dates', () => {
  const into = createStory('s1');
  addToStory(
    into,
    { terms: toVector(terms, [['ferry', 1]]), entities: toVector(entities, []), time: null },
    CONTEXT,
  );
  const from = createStory('s2');
  addToStory(
    from,
    { terms: toVector(terms, [['ferry', 1]]), entities: toVector(entities, []), time: 200 },
    CONTEXT,
  );
  mergeStoryInto(into, from, CONTEXT);
  assert.equal(into.size, 2);
  assert.equal(weightOf(into.terms, 'ferry'), 2);
  assert.equal(into.cohesion, 1);
  assert.equal(into.firstTime, 200);
  assert.equal(into.lastTime, 200);
});
