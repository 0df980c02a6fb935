import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findDateInUrl } from './find-date-in-url.ts';

test('URL dates: /YYYY/MM/DD/ and YYYY-MM-DD path forms', () => {
  assert.deepEqual(findDateInUrl('https://news.example/2024/06/03/ferry-strike/'), {
    value: '2024-06-03',
    origin: 'url',
  });
  assert.equal(findDateInUrl('https://news.example/world/2023-11-9-talks')?.value, '2023-11-09');
});

test('URL dates: no date, impossible dates and bad URLs give nothing', () => {
  assert.equal(findDateInUrl('https://news.example/world/ferry-strike-2024'), undefined);
  assert.equal(findDateInUrl('https://news.example/2024/06/31/x'), undefined);
  assert.equal(findDateInUrl('not a url'), undefined);
});
