import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addToStory, createStory, mergeStoryInto } from './story-centroid.ts';

const LIMITS = { maxTerms: 2, maxEntities: 1 };

test('addToStory adds unit vectors, bounds the centroid and widens the dates', () => {
  const story = createStory('s1');
  addToStory(
    story,
    'a1',
    {
      terms: new Map([
        ['ferry', 3],
        ['strike', 4],
      ]),
      entities: new Map([['aldery', 2]]),
      time: 100,
    },
    LIMITS,
  );
  assert.ok(Math.abs((story.terms.get('strike') ?? 0) - 0.8) < 1e-12);
  assert.ok(Math.abs((story.terms.get('ferry') ?? 0) - 0.6) < 1e-12);
  addToStory(
    story,
    'a2',
    { terms: new Map([['pier', 1]]), entities: new Map([['skerrin', 1]]), time: 50 },
    LIMITS,
  );
  assert.deepEqual([...story.terms.keys()].sort(), ['pier', 'strike']);
  assert.equal(story.entities.size, 1);
  assert.deepEqual(story.articles, ['a1', 'a2']);
  assert.equal(story.firstTime, 50);
  assert.equal(story.lastTime, 100);
});

test('mergeStoryInto moves articles, weights and dates', () => {
  const into = createStory('s1');
  addToStory(into, 'a1', { terms: new Map([['ferry', 1]]), entities: new Map(), time: null }, LIMITS);
  const from = createStory('s2');
  addToStory(from, 'a2', { terms: new Map([['ferry', 1]]), entities: new Map(), time: 200 }, LIMITS);
  mergeStoryInto(into, from, LIMITS);
  assert.deepEqual(into.articles, ['a1', 'a2']);
  assert.equal(into.terms.get('ferry'), 2);
  assert.equal(into.firstTime, 200);
  assert.equal(into.lastTime, 200);
});
