import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TRANSITION_SIZE, transitionIndex } from './decode-viterbi.ts';
import { decodeNerModel, encodeNerModel, findFeature, type SparseStage } from './ner-model.ts';

test('encodeNerModel and decodeNerModel round-trip weights within quantisation error, deterministically', () => {
  const transitions = new Float64Array(TRANSITION_SIZE);
  transitions[transitionIndex(-1, 0)] = 0.5;
  const first: SparseStage = {
    transitions,
    features: new Map([
      [4_000_000_000, [[1, 2.5]]],
      [
        7,
        [
          [0, -1.25],
          [16, 0.75],
        ],
      ],
    ]),
  };
  const second: SparseStage = {
    transitions,
    features: new Map([
      [7, [[3, 1]]],
      [99, [[2, -0.5]]],
    ]),
  };
  const file = encodeNerModel([first, second], { note: 'test' });
  assert.deepEqual(file, encodeNerModel([first, second], { note: 'test' }));
  const model = decodeNerModel(file);
  assert.deepEqual(model.info, { note: 'test' });
  assert.equal(model.transitions[0][transitionIndex(-1, 0)], 0.5);
  assert.equal(model.transitions[0][transitionIndex(-1, 2)], -Infinity, 'I-PER cannot open a sentence');
  const T = 17;
  const weightOf = (key: number, stage: number, tag: number) =>
    model.weights[(findFeature(model, key) * 2 + stage) * T + tag] ?? Number.NaN;
  assert.ok(Math.abs(weightOf(7, 0, 0) + 1.25) < 1e-3);
  assert.ok(Math.abs(weightOf(7, 0, 16) - 0.75) < 1e-3);
  assert.equal(weightOf(7, 0, 1), 0);
  assert.ok(Math.abs(weightOf(7, 1, 3) - 1) < 1e-3);
  assert.ok(Math.abs(weightOf(4_000_000_000, 0, 1) - 2.5) < 1e-3);
  assert.equal(weightOf(4_000_000_000, 1, 1), 0, 'no second-pass weights');
  assert.equal(findFeature(model, 12345), -1);
});
