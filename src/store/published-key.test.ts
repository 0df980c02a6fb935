import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalizePublishedKey } from './published-key.ts';

test('converts offsets to UTC so keys order instants', () => {
  assert.equal(normalizePublishedKey('2025-03-02T23:30:00-05:00'), '2025-03-03T04:30:00.000Z');
  assert.equal(normalizePublishedKey('2025-03-02T12:00:00+09:00'), '2025-03-02T03:00:00.000Z');
});

test('reads a date as UTC midnight and a date-time without offset as UTC', () => {
  assert.equal(normalizePublishedKey('2025-03-02'), '2025-03-02T00:00:00.000Z');
  assert.equal(normalizePublishedKey('2025-03-02T10:15'), '2025-03-02T10:15:00.000Z');
  assert.equal(normalizePublishedKey('2025-03-02T10:15:30.5'), '2025-03-02T10:15:30.500Z');
});

test('gives no key for a missing or unreadable date', () => {
  assert.equal(normalizePublishedKey(undefined), undefined);
  assert.equal(normalizePublishedKey('last Tuesday'), undefined);
});
