import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readChunks, readConll } from './read-conll.ts';

test('readChunks follows conlleval: B- starts a chunk only after a chunk of the same type', () => {
  assert.deepEqual(readChunks(['I-PER', 'I-PER', 'B-PER', 'I-LOC', 'O', 'I-ORG']), [
    { start: 0, end: 2, label: 'PER' },
    { start: 2, end: 3, label: 'PER' },
    { start: 3, end: 4, label: 'LOC' },
    { start: 5, end: 6, label: 'ORG' },
  ]);
});

test('readConll splits documents at -DOCSTART- wherever it stands and sentences at blank lines', () => {
  const content = [
    '-DOCSTART- -X- O O',
    '',
    'Vell NNP I-NP I-ORG',
    'wins VBZ I-VP O',
    '',
    'Rain NN I-NP O',
    '',
    '-DOCSTART- -X- O O',
    'Tamsin I-PER',
    '',
  ].join('\n');
  const documents = readConll(content);
  assert.equal(documents.length, 2);
  assert.deepEqual(documents[0]?.sentences, [
    { words: ['Vell', 'wins'], spans: [{ start: 0, end: 1, label: 'ORG' }] },
    { words: ['Rain'], spans: [] },
  ]);
  assert.deepEqual(documents[1]?.sentences[0]?.spans, [{ start: 0, end: 1, label: 'PER' }]);
});
