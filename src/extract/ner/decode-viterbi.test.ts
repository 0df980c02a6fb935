import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeViterbi, maskTransitions, TRANSITION_SIZE } from './decode-viterbi.ts';
import { describeTag, TAG_COUNT } from './tag-scheme.ts';

test('decodeViterbi returns the best allowed path, not the best tag of each token alone', () => {
  const emissions = new Float64Array(3 * TAG_COUNT);
  // Token 0 prefers I-PER, which cannot open a sentence; B-PER is the best allowed start.
  emissions[0 * TAG_COUNT + 2] = 5;
  emissions[0 * TAG_COUNT + 1] = 3;
  emissions[1 * TAG_COUNT + 3] = 2; // E-PER
  emissions[2 * TAG_COUNT + 0] = 1; // O
  const out = new Uint8Array(3);
  decodeViterbi(emissions, maskTransitions(new Float64Array(TRANSITION_SIZE)), 0, 3, out);
  assert.deepEqual([...out].map(describeTag), ['B-PER', 'E-PER', 'O']);
});

test('decodeViterbi decodes a sub-range in place', () => {
  const emissions = new Float64Array(4 * TAG_COUNT);
  emissions[2 * TAG_COUNT + 12] = 1; // S-LOC
  const out = new Uint8Array(4).fill(99);
  decodeViterbi(emissions, maskTransitions(new Float64Array(TRANSITION_SIZE)), 1, 3, out);
  assert.deepEqual([...out], [99, 0, 12, 99]);
});
