import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findPublishedDate } from './find-published-date.ts';

const find = (text: string) => findPublishedDate(text, [{ start: 0, end: text.length }]);

test('published date: absolute dates with a year, with time and zone when given', () => {
  assert.equal(find('By Ana Ruiz | March 3, 2024')?.value, '2024-03-03');
  assert.equal(find('Posted 7:45 PM EDT Jun 2, 2024')?.value, '2024-06-02T19:45-04:00');
  assert.equal(find('Saturday 1 June 2024, 18:20')?.value, '2024-06-01T18:20');
});

test('published date: the span covers the date text', () => {
  const text = 'By Ana Ruiz | March 3, 2024';
  const field = find(text);
  assert.equal(field?.origin, 'text');
  assert.equal(field?.span && text.slice(field.span.start, field.span.end), 'March 3, 2024');
});

test('published date: relative dates and dates without a year are not resolved', () => {
  assert.equal(find('Last updated: 3 days ago'), undefined);
  assert.equal(find('OSLO, June 3 (NTB) -'), undefined);
  assert.equal(find('Published yesterday'), undefined);
});
