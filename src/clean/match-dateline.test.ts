import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matchDateline } from './match-dateline.ts';

const dateline = (paragraph: string) => {
  const span = matchDateline(paragraph, { start: 0, end: paragraph.length });
  return span && paragraph.slice(span.start, span.end);
};

test('datelines: wire forms with place, date and agency', () => {
  assert.equal(dateline('OSLO (Nordic Wire) — Ferry workers walked out on Monday.'), 'OSLO (Nordic Wire)');
  assert.equal(dateline('CAIRO, June 3 (XNA) - Talks resumed.'), 'CAIRO, June 3 (XNA)');
  assert.equal(dateline('BERLIN/PARIS — Ministers met.'), 'BERLIN/PARIS');
  assert.equal(dateline('SAN MATEO, Calif. – The district voted.'), 'SAN MATEO, Calif.');
  assert.equal(dateline('Lagos, Nigeria (AP) — Fuel prices rose.'), 'Lagos, Nigeria (AP)');
});

test('datelines: ordinary openings are not datelines', () => {
  assert.equal(dateline('Lagos — a city of 15 million — woke to queues.'), undefined);
  assert.equal(dateline('The council met on Monday - and voted.'), undefined);
});
