import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matchByline } from './match-byline.ts';

const name = (line: string) => {
  const span = matchByline(line, { start: 0, end: line.length });
  return span && line.slice(span.start, span.end);
};

test('bylines: the name without "By", role or date', () => {
  assert.equal(name('By Petra Lund'), 'Petra Lund');
  assert.equal(name('by Staff Writer'), 'Staff Writer');
  assert.equal(name('By Omar Haddad, Transport Correspondent'), 'Omar Haddad');
  assert.equal(name('By Lise Aune | Opinion contributor'), 'Lise Aune');
  assert.equal(name('By Ana Ruiz | March 3, 2024'), 'Ana Ruiz');
  assert.equal(name('By Ana Ruiz -'), 'Ana Ruiz');
});

test('bylines: several authors are one name field', () => {
  assert.equal(name('By Ana Ruiz and Tomas Berg'), 'Ana Ruiz and Tomas Berg');
  assert.equal(name('By Ana Ruiz, Tomas Berg | Staff'), 'Ana Ruiz, Tomas Berg');
});

test('bylines: sentences opening with "By" are not bylines', () => {
  assert.equal(name('By Friday the river had risen two metres above its normal level.'), undefined);
  assert.equal(name('By noon'), undefined);
  assert.equal(name('By Monday Evening'), undefined);
  assert.equal(name('Bypass plans shelved'), undefined);
});
