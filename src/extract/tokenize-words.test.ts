import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tokenizeWords } from './tokenize-words.ts';

function words(text: string): string[] {
  return tokenizeWords(text).map((token) => text.slice(token.start, token.end));
}

test('tokenizeWords splits punctuation, quotes and clitics and keeps offsets into the text', () => {
  const text = 'The envoy’s plan—“a ceasefire first”—didn’t move Mr. Okonkwo-Baptiste (yet).';
  const tokens = tokenizeWords(text);
  const expected = 'The envoy ’s plan — “ a ceasefire first ” — did n’t move Mr. Okonkwo-Baptiste ( yet ) .';
  assert.deepEqual(
    tokens.map((token) => text.slice(token.start, token.end)),
    expected.split(' '),
  );
  assert.deepEqual(tokens[1], { start: 4, end: 9 });
});

test('tokenizeWords keeps initialisms, initials, numbers and listed abbreviations whole', () => {
  assert.deepEqual(
    words('U.S. and U.K. officials met at 9 a.m. on Jan. 5, said J. R. Tolliver of Harbor Corp.'),
    [
      'U.S.',
      'and',
      'U.K.',
      'officials',
      'met',
      'at',
      '9',
      'a.m.',
      'on',
      'Jan.',
      '5',
      ',',
      'said',
      'J.',
      'R.',
      'Tolliver',
      'of',
      'Harbor',
      'Corp.',
    ],
  );
  assert.deepEqual(words('Prices rose 1,250.75 points in 1996.'), [
    'Prices',
    'rose',
    '1,250.75',
    'points',
    'in',
    '1996',
    '.',
  ]);
});

test('tokenizeWords tells a sentence-final lower-case word from a listed abbreviation', () => {
  assert.deepEqual(words('She fell ill. Officials in Springfield, Ill. disagreed'), [
    'She',
    'fell',
    'ill',
    '.',
    'Officials',
    'in',
    'Springfield',
    ',',
    'Ill.',
    'disagreed',
  ]);
});

test('tokenizeWords keeps a list number at the start of a line but splits a year at the end of a sentence', () => {
  assert.deepEqual(words('3. Mara Quill\nShe won in 2019.'), [
    '3.',
    'Mara',
    'Quill',
    'She',
    'won',
    'in',
    '2019',
    '.',
  ]);
});

test('tokenizeWords returns already tokenized text joined with spaces unchanged', () => {
  const tokens = [
    'The',
    'Lions',
    "'s",
    'coach',
    'did',
    "n't",
    'say',
    '--',
    'U.S.',
    'shares',
    'fell',
    '6-2',
    '...',
    '"',
  ];
  assert.deepEqual(words(tokens.join(' ')), tokens);
});
