import assert from 'node:assert/strict';
import { test } from 'node:test';
import { maskTransitions } from './decode-viterbi.ts';
import { AveragedPerceptron, SentenceDecoder, type TrainingSentence } from './train-perceptron.ts';

/** Feature 0: "capitalised word after a title", 1: "capitalised word", 2: "lower-case word". */
function sentence(features: number[][], gold: number[]): TrainingSentence {
  const offsets = new Int32Array(features.length + 1);
  const flat: number[] = [];
  for (const [index, token] of features.entries()) {
    offsets[index] = flat.length;
    flat.push(...token);
  }
  offsets[features.length] = flat.length;
  return { offsets, features: Int32Array.from(flat), gold: Uint8Array.from(gold) };
}

test('AveragedPerceptron learns a separable toy tagging task', () => {
  const S_PER = 4;
  const S_LOC = 12;
  const data = [
    sentence([[2], [0, 1], [2]], [0, S_PER, 0]),
    sentence([[1], [2], [2]], [S_LOC, 0, 0]),
    sentence([[2], [2], [0, 1]], [0, 0, S_PER]),
    sentence([[2], [1]], [0, S_LOC]),
  ];
  const perceptron = new AveragedPerceptron(3);
  for (let epoch = 0; epoch < 5; epoch++) for (const item of data) perceptron.train(item);
  const weights = perceptron.average();
  const decoder = new SentenceDecoder();
  for (const item of data) {
    const out = new Uint8Array(item.gold.length);
    decoder.decode(weights, maskTransitions(weights.transitions), item, out);
    assert.deepEqual([...out], [...item.gold]);
  }
});
