/**
 * Fast, deterministic 32-bit hashing for shingles, MinHash and LSH band keys. Not cryptographic:
 * the values only need to spread well and be the same on every run and machine, so everything is
 * integer arithmetic on 32-bit values (`Math.imul`, shifts, `>>> 0`), never floating point.
 */

/** FNV-1a parameters for 32 bits (Fowler, Noll, Vo; the published offset basis and prime). */
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** MurmurHash3 x86_32 constants (Austin Appleby's public-domain reference implementation). */
const MURMUR_C1 = 0xcc9e2d51;
const MURMUR_C2 = 0x1b873593;
const MURMUR_N = 0xe6546b64;

/**
 * MurmurHash3's finaliser (fmix32): a bijection on 32-bit integers in which every input bit flips
 * each output bit with probability close to 1/2, so it turns weak hashes into well-spread ones.
 */
export function mixHash32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Hash of a string: FNV-1a over its UTF-16 code units, then `mixHash32`, because FNV-1a alone
 * leaves the low bits of short, similar strings ("vote", "votes") poorly mixed.
 */
export function hashString32(value: string): number {
  let h = FNV_OFFSET;
  for (let index = 0; index < value.length; index++) {
    h = Math.imul(h ^ value.charCodeAt(index), FNV_PRIME);
  }
  return mixHash32(h);
}

/**
 * MurmurHash3 x86_32 over `count` 32-bit words of `words` from `start`, with a seed: the hash of a
 * sequence of already-hashed items (the words of a shingle, the rows of an LSH band). Order matters.
 */
export function hashWords32(words: ArrayLike<number>, start: number, count: number, seed = 0): number {
  let h = seed >>> 0;
  for (let index = start; index < start + count; index++) {
    let k = Math.imul(words[index] ?? 0, MURMUR_C1);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, MURMUR_C2);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + MURMUR_N) | 0;
  }
  return mixHash32(h ^ (count * 4));
}
