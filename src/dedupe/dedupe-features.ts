import { createHash } from 'node:crypto';
import { computeMinHash } from './minhash.ts';
import { getShingleFingerprints, hashShingles, tokenizeForShingles } from './word-shingles.ts';

/** What the detector needs of an article. */
export interface DedupeItem {
  /** Unique among the items added (`Article.id`). */
  id: string;
  /** The cleaned body: `getBodyText(article)`. */
  body: string;
  /** ISO-8601 date or date-time (`Article.published.value`); absent when unknown. */
  published?: string;
}

/**
 * Everything the detector uses of an item, computed without any detector state, so it can run on
 * worker threads: numbers, strings and typed arrays only (structured-clone friendly).
 */
export interface DedupeFeatures {
  /** SHA-256 (base64) of the normalised words; absent for a body without words, which is never matched. */
  exactKey?: string;
  /** Sorted, distinct 16-bit fingerprints of the 5-word shingles (`getShingleFingerprints`); empty without words. */
  fingerprints: Uint16Array;
  /** MinHash signature of the 32-bit shingles (`computeMinHash`); empty without words. */
  signature: Uint32Array;
  /** Milliseconds since the epoch; absent when the item has no date. */
  published?: number;
}

/**
 * The per-item, stateless part of duplicate detection.
 * 1. Parse the published date (an unreadable one is a one-line error naming the item).
 * 2. Tokenize the body; the SHA-256 of its normalised words is its exact key.
 * 3. Shingle the words; compute the MinHash signature of the shingles and their fingerprints.
 */
export function computeDedupeFeatures(item: DedupeItem): DedupeFeatures {
  const published = parsePublished(item);
  const tokens = tokenizeForShingles(item.body);
  const withDate = published === undefined ? {} : { published };
  if (tokens.length === 0)
    return { fingerprints: new Uint16Array(0), signature: new Uint32Array(0), ...withDate };
  const shingles = hashShingles(tokens);
  return {
    exactKey: hashTokens(tokens),
    fingerprints: getShingleFingerprints(shingles),
    signature: computeMinHash(shingles),
    ...withDate,
  };
}

/** Milliseconds since the epoch, so dates with different UTC offsets compare correctly. */
function parsePublished(item: DedupeItem): number | undefined {
  if (item.published === undefined) return undefined;
  const time = Date.parse(item.published);
  if (Number.isNaN(time))
    throw new Error(`dedupe: item "${item.id}" has an unreadable published date "${item.published}"`);
  return time;
}

/** Collision-free in practice (256 bits), unlike the 32-bit shingle hashes: equality here means identical words. */
function hashTokens(tokens: readonly string[]): string {
  return createHash('sha256').update(tokens.join(' ')).digest('base64');
}
