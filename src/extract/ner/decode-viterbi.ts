import { isAllowedTransition, TAG_COUNT } from './tag-scheme.ts';

/**
 * Transition scores in one array: row 0 scores the first tag (from the start), rows 1..T score
 * `next` after `previous` = row - 1, and row T + 1 scores ending after a tag. Disallowed BIOES
 * transitions hold -Infinity.
 */
export type TransitionScores = Float64Array;
export const TRANSITION_SIZE = (TAG_COUNT + 2) * TAG_COUNT;

/** Index of the score for `next` after `previous` (-1: start); `next` -1 is the end of the sequence. */
export function transitionIndex(previous: number, next: number): number {
  return next < 0 ? (TAG_COUNT + 1) * TAG_COUNT + previous : (previous + 1) * TAG_COUNT + next;
}

/**
 * For each tag, the tags that may precede it (5 to 9 of the 17): scanning only these makes decoding
 * about twice as fast as scanning every tag and skipping -Infinity.
 */
const ALLOWED_PREVIOUS: Uint8Array[] = Array.from({ length: TAG_COUNT }, (_, next) =>
  Uint8Array.from(
    Array.from({ length: TAG_COUNT }, (_, previous) => previous).filter((previous) =>
      isAllowedTransition(previous, next),
    ),
  ),
);

/** Adds -Infinity for every disallowed transition to learned transition weights (which stay finite). */
export function maskTransitions(weights: ArrayLike<number>): TransitionScores {
  const scores = new Float64Array(TRANSITION_SIZE);
  for (let previous = -1; previous < TAG_COUNT; previous++)
    for (let next = -1; next < TAG_COUNT; next++) {
      if (previous < 0 && next < 0) continue;
      const index = transitionIndex(previous, next);
      scores[index] = isAllowedTransition(previous, next) ? (weights[index] ?? 0) : -Infinity;
    }
  return scores;
}

/**
 * The best-scoring tag sequence for tokens `[from, to)` of a token-major emission array
 * (`emissions[token * T + tag]`), written into `out[from..to)`.
 * 1. Forward: best score of each tag at each token, with a back-pointer.
 * 2. Add the end scores and follow the back-pointers from the best final tag.
 */
export function decodeViterbi(
  emissions: Float64Array,
  transitions: TransitionScores,
  from: number,
  to: number,
  out: Uint8Array,
): void {
  const length = to - from;
  if (length <= 0) return;
  const T = TAG_COUNT;
  const scores = new Float64Array(length * T);
  const back = new Uint8Array(length * T);
  for (let tag = 0; tag < T; tag++) scores[tag] = transitions[tag]! + emissions[from * T + tag]!;
  for (let position = 1; position < length; position++) {
    const row = position * T;
    const previousRow = row - T;
    const emissionRow = (from + position) * T;
    for (let tag = 0; tag < T; tag++) {
      let best = -Infinity;
      let bestPrevious = 0;
      const allowed = ALLOWED_PREVIOUS[tag]!;
      for (let index = 0; index < allowed.length; index++) {
        const previous = allowed[index]!;
        const score = scores[previousRow + previous]! + transitions[(previous + 1) * T + tag]!;
        if (score > best) {
          best = score;
          bestPrevious = previous;
        }
      }
      scores[row + tag] = best + emissions[emissionRow + tag]!;
      back[row + tag] = bestPrevious;
    }
  }
  const lastRow = (length - 1) * T;
  const endRow = (T + 1) * T;
  let bestTag = 0;
  let best = -Infinity;
  for (let tag = 0; tag < T; tag++) {
    const score = scores[lastRow + tag]! + transitions[endRow + tag]!;
    if (score > best) {
      best = score;
      bestTag = tag;
    }
  }
  for (let position = length - 1; position >= 0; position--) {
    out[from + position] = bestTag;
    bestTag = back[position * T + bestTag]!;
  }
}
