/**
 * Features are 32-bit hashes rather than strings: a template number mixed with hashes of the words
 * it looks at. The tagger computes millions of them a second, and the model stores only the
 * hashes, never the training text. Collisions are rare: about 100 pairs among a million features.
 */

/** FNV-1a over the UTF-16 code units of `value`. */
export function hashString(value: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < value.length; index++) {
    hash ^= value.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Combines two hashes (order matters) and scrambles the result with MurmurHash3's finaliser. */
export function mixHash(first: number, second: number): number {
  let hash = (first ^ (second + 0x9e3779b9 + (first << 6) + (first >>> 2))) | 0;
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}
