import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeTags, describeTag, encodeTags, isAllowedTransition } from './tag-scheme.ts';

test('encodeTags and decodeTags round-trip single- and multi-token spans', () => {
  const spans = [
    { start: 0, end: 2, label: 'PER' as const },
    { start: 3, end: 4, label: 'LOC' as const },
    { start: 4, end: 7, label: 'ORG' as const },
  ];
  const tags = encodeTags(8, spans);
  assert.deepEqual([...tags].map(describeTag), [
    'B-PER',
    'E-PER',
    'O',
    'S-LOC',
    'B-ORG',
    'I-ORG',
    'E-ORG',
    'O',
  ]);
  assert.deepEqual(decodeTags(tags), spans);
});

test('isAllowedTransition enforces BIOES: I and E continue their own type, open spans cannot end', () => {
  const [bPer, iPer, ePer] = [1, 2, 3];
  const iOrg = 6;
  assert.ok(isAllowedTransition(-1, bPer));
  assert.ok(!isAllowedTransition(-1, iPer));
  assert.ok(isAllowedTransition(bPer, iPer));
  assert.ok(isAllowedTransition(iPer, ePer));
  assert.ok(!isAllowedTransition(bPer, iOrg));
  assert.ok(!isAllowedTransition(bPer, 0));
  assert.ok(!isAllowedTransition(iPer, -1));
  assert.ok(isAllowedTransition(ePer, -1));
});
