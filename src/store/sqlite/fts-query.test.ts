import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildFtsQuery } from './fts-query.ts';

test('quotes every term as an FTS5 string and requires them all', () => {
  assert.equal(
    buildFtsQuery([
      { kind: 'word', text: 'NEAR(x' },
      { kind: 'phrase', text: 'river crossing' },
    ]),
    '"NEAR(x" AND "river crossing"',
  );
});

test('doubles embedded double quotes, the only escape inside an FTS5 string', () => {
  assert.equal(buildFtsQuery([{ kind: 'word', text: 'say"hi' }]), '"say""hi"');
});

test('gives no query when there are no terms', () => {
  assert.equal(buildFtsQuery([]), undefined);
});
