import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalizeForComparison } from './normalize-for-comparison.ts';

test('normalizeForComparison folds case, quote style, dashes and whitespace', () => {
  const a = normalizeForComparison('  The Mayor’s “Plan” — Explained\u00a0 ');
  const b = normalizeForComparison('the mayor\'s "plan" - explained');
  assert.equal(a, b);
  assert.equal(a, "the mayor's 'plan' - explained");
});

test('normalizeForComparison drops zero-width characters and folds full-width letters', () => {
  assert.equal(normalizeForComparison('Ｒe\u200bport'), 'report');
});
