import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalizeForComparison } from '../text/normalize-for-comparison.ts';
import { isTimestampLine } from './is-timestamp-line.ts';

const stamp = (line: string, inHeader = true) => isTimestampLine(normalizeForComparison(line), inHeader);

test('timestamps: relative and absolute date lines', () => {
  assert.ok(stamp('Published 5 hours ago'));
  assert.ok(stamp('Last updated: 1 day ago | 4 min read'));
  assert.ok(stamp('Updated Feb. 2, 2024 at 9:15 a.m. EST'));
  assert.ok(stamp('Friday 14 June 2024, 08:00'));
  assert.ok(stamp('2024-06-14'));
});

test('timestamps: a bare date outside the header needs a keyword', () => {
  assert.ok(!stamp('14 June 2024', false));
  assert.ok(stamp('Updated 14 June 2024', false));
});

test('timestamps: lines with other words are not timestamps', () => {
  assert.ok(!stamp('Monday was the hottest day of 2024'));
  assert.ok(!stamp('Updated rules for cyclists'));
  assert.ok(!stamp('Harbour Town 3 Riverside 1'));
});

test('timestamps: a bare time of day is a live-coverage heading, not a timestamp', () => {
  assert.ok(!stamp('10 p.m.'));
  assert.ok(!stamp('9:45 a.m. EDT'));
});
