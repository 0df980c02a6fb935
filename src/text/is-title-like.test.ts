import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isTitleLike } from './is-title-like.ts';

test('isTitleLike accepts headline-shaped lines, including questions and labels', () => {
  assert.ok(isTitleLike('Harbour ferry fares to rise in spring'));
  assert.ok(isTitleLike('Explainer: what the new parking rules mean?'));
  assert.ok(isTitleLike('5 ways to cut your heating bill'));
});

test('isTitleLike rejects sentences, fragments and single words', () => {
  assert.ok(!isTitleLike('The ferry operator said fares would rise in spring.'));
  assert.ok(!isTitleLike('and then the council voted'));
  assert.ok(!isTitleLike('Ferries'));
  assert.ok(!isTitleLike(`Headline ${'word '.repeat(25)}`));
});
