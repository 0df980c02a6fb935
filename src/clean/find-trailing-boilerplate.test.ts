import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findTrailingBoilerplate } from './find-trailing-boilerplate.ts';

test('trailing notes: a publisher note ending a paragraph is cut off', () => {
  const text =
    'Crews reopened the road at noon. Harbour Radio will update this story as more details emerge.';
  const cut = findTrailingBoilerplate(text, { start: 0, end: text.length });
  assert.equal(cut, text.indexOf('Harbour Radio'));
});

test('trailing notes: a paragraph that is only notes is cut at its start; ordinary text is not cut', () => {
  const note = 'This is a developing story. Check back for updates.';
  assert.equal(findTrailingBoilerplate(note, { start: 0, end: note.length }), 0);
  const prose = 'The minister said she would update parliament on the story next week.';
  assert.equal(findTrailingBoilerplate(prose, { start: 0, end: prose.length }), undefined);
});
