import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyHonorifics, loadHonorifics } from './apply-honorifics.ts';

const honorifics = loadHonorifics();

test('applyHonorifics drops a leading honorific and makes the name a person', () => {
  const words = ['Dr.', 'Lena', 'Varga', 'spoke'];
  assert.deepEqual(applyHonorifics(words, [{ start: 0, end: 3, label: 'ORG' }], honorifics), [
    { start: 1, end: 3, label: 'PER' },
  ]);
});

test('applyHonorifics adds the capitalised name after an honorific that the tagger missed', () => {
  const words = ['said', 'Mrs', 'Quill', 'of', 'Tarnow', '.'];
  assert.deepEqual(applyHonorifics(words, [{ start: 4, end: 5, label: 'LOC' }], honorifics), [
    { start: 2, end: 3, label: 'PER' },
    { start: 4, end: 5, label: 'LOC' },
  ]);
});

test('applyHonorifics leaves spans without honorifics alone', () => {
  const spans = [{ start: 0, end: 2, label: 'ORG' as const }];
  assert.deepEqual(applyHonorifics(['Harbor', 'Bank', 'fell'], spans, honorifics), spans);
});
