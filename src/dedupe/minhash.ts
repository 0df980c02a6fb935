import { mixHash32 } from './hash-32.ts';

/**
 * Signature length. 128 min-hashes estimate a Jaccard similarity with a standard error of
 * sqrt(J(1-J)/128) ≤ 0.044, and split evenly into the 32 bands × 4 rows of `LshIndex`.
 */
export const MINHASH_PERMUTATIONS = 128;

/** Golden-ratio increment (2^32 / φ), the usual Weyl-sequence step for deriving independent seeds. */
const SEED_STEP = 0x9e3779b9;

/**
 * One seed per permutation, fixed by construction (no random source), so signatures are identical
 * across runs and machines.
 */
function createSeeds(count: number): Uint32Array {
  const seeds = new Uint32Array(count);
  for (let index = 0; index < count; index++) seeds[index] = mixHash32(Math.imul(index + 1, SEED_STEP));
  return seeds;
}

const DEFAULT_SEEDS = createSeeds(MINHASH_PERMUTATIONS);

/**
 * The MinHash signature of a shingle set: for each of `permutations` hash functions, the smallest
 * value it gives any shingle. Two sets agree at a position with probability equal to their Jaccard
 * similarity.
 * The hash functions are "one hash with seeds": h_i(x) = fmix32(x XOR seed_i). XOR with a constant
 * and fmix32 are both bijections on 32-bit integers, so each h_i is a pseudo-random permutation of
 * the shingle space, computed with integer multiplies only (no 64-bit or modular arithmetic).
 * 1. Start every position at the largest 32-bit value.
 * 2. For each shingle and each seed, keep the smaller of the position and h_i(shingle).
 * An empty set keeps every position at the largest value; callers should not index it.
 */
export function computeMinHash(shingles: Uint32Array, permutations = MINHASH_PERMUTATIONS): Uint32Array {
  const seeds = permutations === MINHASH_PERMUTATIONS ? DEFAULT_SEEDS : createSeeds(permutations);
  const signature = new Uint32Array(permutations).fill(0xffffffff);
  for (let s = 0; s < shingles.length; s++) {
    const shingle = shingles[s] ?? 0;
    for (let p = 0; p < permutations; p++) {
      const value = mixHash32(shingle ^ (seeds[p] ?? 0));
      if (value < (signature[p] ?? 0)) signature[p] = value;
    }
  }
  return signature;
}

/** The fraction of positions where two signatures agree: an estimate of the sets' Jaccard similarity. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length !== b.length)
    throw new Error(`MinHash signatures differ in length (${a.length} vs ${b.length})`);
  let equal = 0;
  for (let index = 0; index < a.length; index++) if (a[index] === b[index]) equal++;
  return a.length === 0 ? 0 : equal / a.length;
}
