import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseSearchTerms } from './search-terms.ts';

test('splits bare words on whitespace and keeps quoted phrases whole', () => {
  assert.deepEqual(parseSearchTerms('  flood  "river   crossing" warning\t'), [
    { kind: 'word', text: 'flood' },
    { kind: 'phrase', text: 'river crossing' },
    { kind: 'word', text: 'warning' },
  ]);
});

test('an unclosed quote runs to the end of the text', () => {
  assert.deepEqual(parseSearchTerms('tide "high water'), [
    { kind: 'word', text: 'tide' },
    { kind: 'phrase', text: 'high water' },
  ]);
});

test('typographic quotes delimit phrases', () => {
  assert.deepEqual(parseSearchTerms('\u201Eold town\u201C \u201Cnew port\u201D'), [
    { kind: 'phrase', text: 'old town' },
    { kind: 'phrase', text: 'new port' },
  ]);
});

test('operator words and symbols stay plain text; terms without letters or digits are dropped', () => {
  assert.deepEqual(parseSearchTerms('a OR (b) - * "" ^ 42 \u00e9t\u00e9'), [
    { kind: 'word', text: 'a' },
    { kind: 'word', text: 'OR' },
    { kind: 'word', text: '(b)' },
    { kind: 'word', text: '42' },
    { kind: 'word', text: '\u00e9t\u00e9' },
  ]);
});

test('control characters and lone surrogates separate words', () => {
  assert.deepEqual(parseSearchTerms('sea\u0000wall\uD800dyke'), [
    { kind: 'word', text: 'sea' },
    { kind: 'word', text: 'wall' },
    { kind: 'word', text: 'dyke' },
  ]);
});
