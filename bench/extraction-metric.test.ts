import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  computePagePrecision,
  computePageRecall,
  countShingles,
  scorePage,
  summarizeScores,
  tokenizeForMetric,
} from './extraction-metric.ts';

test('tokens are runs of letters, numbers and underscore; punctuation and case are kept apart', () => {
  assert.deepEqual(tokenizeForMetric("It's 3.5 km, snake_case—Ünïcode! Мир"), [
    'It',
    's',
    '3',
    '5',
    'km',
    'snake_case',
    'Ünïcode',
    'Мир',
  ]);
  assert.deepEqual(tokenizeForMetric('  ... '), []);
});

test('shingles are overlapping 4-grams; short texts give one shorter shingle, empty gives none', () => {
  assert.deepEqual(
    [...countShingles('a b c d e').entries()],
    [
      ['a\u0000b\u0000c\u0000d', 1],
      ['b\u0000c\u0000d\u0000e', 1],
    ],
  );
  assert.deepEqual([...countShingles('just two').entries()], [['just\u0000two', 1]]);
  assert.equal(countShingles('').size, 0);
  assert.equal(countShingles('x y z w x y z w').get('x\u0000y\u0000z\u0000w'), 2);
});

test('page counts are normalised to sum 1', () => {
  // truth shingles: abcd, bcde; prediction: abcd, bcdf -> tp 1, fp 1, fn 1
  const counts = scorePage('a b c d e', 'a b c d f');
  assert.deepEqual(counts, { tp: 1 / 3, fp: 1 / 3, fn: 1 / 3 });
  assert.equal(computePagePrecision(counts), 0.5);
  assert.equal(computePageRecall(counts), 0.5);
});

test('identical texts score 1, disjoint texts 0, empty prediction has zero recall', () => {
  const same = scorePage(
    'one two three four five',
    'one, two. Three? no: three four five'.replace('Three? no: ', ''),
  );
  assert.equal(computePagePrecision(same), 1);
  const disjoint = scorePage('a b c d', 'w x y z');
  assert.equal(computePagePrecision(disjoint), 0);
  assert.equal(computePageRecall(disjoint), 0);
  const empty = scorePage('a b c d', '');
  assert.deepEqual(empty, { tp: 0, fp: 0, fn: 1 });
  assert.equal(computePageRecall(empty), 0);
});

test('aggregate: precision skips empty predictions, F1 comes from the means', () => {
  const summary = summarizeScores([
    { truth: 'a b c d e', prediction: 'a b c d e' }, // P 1, R 1, exact
    { truth: 'a b c d e', prediction: 'a b c d f' }, // P 0.5, R 0.5
    { truth: 'a b c d e', prediction: '' }, // precision skipped, R 0
  ]);
  assert.equal(summary.precision, 0.75);
  assert.equal(summary.recall, 0.5);
  assert.equal(summary.f1, (2 * 0.75 * 0.5) / 1.25);
  assert.equal(summary.accuracy, 1 / 3);
  assert.equal(summary.pages, 3);
});
