import assert from 'node:assert/strict';
import { test } from 'node:test';
import { groupSentences } from './group-sentences.ts';
import { tokenizeWords } from './tokenize-words.ts';

function sentences(text: string): string[] {
  const tokens = tokenizeWords(text);
  return groupSentences(text, tokens).map((range) =>
    text.slice(tokens[range.start]!.start, tokens[range.end - 1]!.end),
  );
}

test('groupSentences splits after terminals before a capital, not after abbreviations', () => {
  assert.deepEqual(sentences('Mr. Ostrova met U.S. envoys. They left! "Why?" she asked. Then rain came'), [
    'Mr. Ostrova met U.S. envoys.',
    'They left!',
    '"Why?" she asked.',
    'Then rain came',
  ]);
});

test('groupSentences ends a sentence at every line break', () => {
  assert.deepEqual(sentences('HARBOUR FERRY FARES RISE\nThe council said so .\nNo vote'), [
    'HARBOUR FERRY FARES RISE',
    'The council said so .',
    'No vote',
  ]);
});
