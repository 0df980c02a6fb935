import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isCapitalisedAt, scanWords } from './scan-words.ts';

function collectWords(text: string, joiners: string, from?: number, to?: number): string[] {
  const words: string[] = [];
  scanWords(text, joiners, (start, end) => words.push(text.slice(start, end)), from, to);
  return words;
}

test('scanWords finds what the word pattern matches, joiners and non-ASCII letters included', () => {
  const text = "Ms. O'Brien-Lévesque paid €3.50 at Łódź's café… then u.s.-bound 𝐀𝐁 ferries, rock&roll!";
  const pattern = /[\p{L}\p{N}]+(?:['’.&-][\p{L}\p{N}]+)*/gu;
  assert.deepEqual(
    collectWords(text, "'’.&-"),
    [...text.matchAll(pattern)].map((match) => match[0]),
  );
  assert.deepEqual(collectWords('harbour-dredging plan', "'’."), ['harbour', 'dredging', 'plan']);
});

test('scanWords stays within its range, as the pattern on a slice would', () => {
  // "end.Next" is one word in the whole text but two when a sentence boundary falls after the dot.
  assert.deepEqual(collectWords('the end.Next day', "'’.", 0, 8), ['the', 'end']);
  assert.deepEqual(collectWords('the end.Next day', "'’.", 8), ['Next', 'day']);
});

test('isCapitalisedAt reads the first letter, beyond ASCII too', () => {
  const text = 'Émile met élodie and Bob';
  assert.equal(isCapitalisedAt(text, 0), true);
  assert.equal(isCapitalisedAt(text, 10), false);
  assert.equal(isCapitalisedAt(text, 21), true);
});
