import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scoreClustering } from './clustering-metrics.ts';

const gold = new Map([
  ['a1', 'A'],
  ['a2', 'A'],
  ['a3', 'A'],
  ['b1', 'B'],
  ['b2', 'B'],
]);

test('a perfect prediction scores 1 on both metrics', () => {
  const scores = scoreClustering(new Map([...gold].map(([item, label]) => [item, `p${label}`])), gold);
  assert.deepEqual(scores.bcubed, { precision: 1, recall: 1, f1: 1 });
  assert.deepEqual(scores.pairwise, { precision: 1, recall: 1, f1: 1 });
  assert.equal(scores.predictedClusters, 2);
  assert.equal(scores.goldClusters, 2);
});

test('all singletons: B-cubed precision 1 and recall 1/size; no predicted pairs', () => {
  const scores = scoreClustering(new Map([...gold.keys()].map((item) => [item, item])), gold);
  assert.equal(scores.bcubed.precision, 1);
  // Recall per item: 1/3 for the three A items, 1/2 for the two B items.
  assert.ok(Math.abs(scores.bcubed.recall - (3 / 3 + 2 / 2) / 5) < 1e-12);
  assert.equal(scores.pairwise.precision, 0);
  assert.equal(scores.pairwise.recall, 0);
  assert.equal(scores.pairwise.f1, 0);
});

test('one cluster of everything: pairwise precision is gold pairs over all pairs', () => {
  const scores = scoreClustering(new Map([...gold.keys()].map((item) => [item, 'all'])), gold);
  assert.equal(scores.pairwise.recall, 1);
  assert.equal(scores.pairwise.precision, 4 / 10);
  assert.ok(Math.abs(scores.bcubed.precision - (3 * (3 / 5) + 2 * (2 / 5)) / 5) < 1e-12);
  assert.equal(scores.bcubed.recall, 1);
});

test('an item missing from the prediction is an error naming it', () => {
  assert.throws(() => scoreClustering(new Map([['a1', 'x']]), gold), /item a2: no predicted cluster/);
});
