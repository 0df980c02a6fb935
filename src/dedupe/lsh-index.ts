import { hashWords32 } from './hash-32.ts';

/**
 * Bands × rows = 128 signature positions. Two sets with Jaccard s share at least one band with
 * probability 1 - (1 - s^4)^32 (the LSH S-curve): 0.23 at s = 0.3, 0.56 at 0.4, 0.87 at 0.5,
 * 0.99 at 0.6, > 0.999 at 0.7; its steepest point, (1/32)^(1/4) ≈ 0.42, sits just below the 0.5
 * Jaccard from which a body counts as a copy (edited syndicated copies score 0.5–0.9), while
 * unrelated articles (s < 0.05) almost never collide (< 0.0002), so few candidates need the direct check.
 */
export const LSH_BANDS = 32;
export const LSH_ROWS = 4;

/**
 * Most members one bucket keeps. A bucket only grows when many articles share four min-hashes (a
 * large family of copies or a shared template); the first 32 already stand for it, a later member
 * is still found through its other 31 bands, and the bound keeps the cost of a query flat.
 */
export const MAX_BUCKET_SIZE = 32;

/** Band keys are 30-bit so that V8 stores them as small integers (no heap number per key). */
const KEY_BITS_DROPPED = 2;

/** Plain-data form of an index, for persistence: per band, its buckets as `[key, members]` pairs. */
export interface LshIndexState {
  bands: number;
  rows: number;
  buckets: [number, number[]][][];
}

/** A candidate with the number of bands it shares with the query: more shared bands, more similar. */
export interface LshCandidate {
  member: number;
  sharedBands: number;
}

/**
 * Locality-sensitive hashing over MinHash signatures ("banding"): the signature is cut into bands
 * of consecutive rows, each band hashed to a bucket key; members sharing any bucket are candidates.
 * Members are numbers chosen by the caller (e.g. insertion order). Work per insert or query is
 * bounded by bands × MAX_BUCKET_SIZE, independent of how many members the index holds.
 */
export class LshIndex {
  readonly bands: number;
  readonly rows: number;
  /** Per band, bucket key to members; a bucket of one holds the bare number (most buckets: saves an array each). */
  private readonly buckets: Map<number, number | number[]>[];

  constructor(bands = LSH_BANDS, rows = LSH_ROWS) {
    this.bands = bands;
    this.rows = rows;
    this.buckets = Array.from({ length: bands }, () => new Map());
  }

  /** Rebuilds an index from `toState()` output. */
  static fromState(state: LshIndexState): LshIndex {
    const index = new LshIndex(state.bands, state.rows);
    for (const [band, entries] of state.buckets.entries()) {
      const buckets = index.buckets[band];
      if (!buckets) throw new Error(`LSH state has ${state.buckets.length} bands, expected ${state.bands}`);
      for (const [key, members] of entries)
        buckets.set(key, members.length === 1 ? (members[0] ?? 0) : [...members]);
    }
    return index;
  }

  /** Adds a member under each band key of its signature (skipping buckets already full). */
  insert(member: number, signature: Uint32Array): void {
    this.checkLength(signature);
    for (let band = 0; band < this.bands; band++) {
      const buckets = this.buckets[band] as Map<number, number | number[]>;
      const key = this.keyOf(signature, band);
      const bucket = buckets.get(key);
      if (bucket === undefined) buckets.set(key, member);
      else if (typeof bucket === 'number') buckets.set(key, [bucket, member]);
      else if (bucket.length < MAX_BUCKET_SIZE) bucket.push(member);
    }
  }

  /**
   * Members sharing at least one band with `signature`, most shared bands first (ties: smaller
   * member first), at most `limit` of them.
   */
  query(signature: Uint32Array, limit = Number.POSITIVE_INFINITY): LshCandidate[] {
    this.checkLength(signature);
    const counts = new Map<number, number>();
    for (let band = 0; band < this.bands; band++) {
      const bucket = this.buckets[band]?.get(this.keyOf(signature, band));
      if (typeof bucket === 'number') counts.set(bucket, (counts.get(bucket) ?? 0) + 1);
      else if (bucket) for (const member of bucket) counts.set(member, (counts.get(member) ?? 0) + 1);
    }
    return [...counts]
      .map(([member, sharedBands]) => ({ member, sharedBands }))
      .sort((a, b) => b.sharedBands - a.sharedBands || a.member - b.member)
      .slice(0, limit);
  }

  /** Plain arrays of numbers, safe to JSON-encode. */
  toState(): LshIndexState {
    return {
      bands: this.bands,
      rows: this.rows,
      buckets: this.buckets.map((buckets) =>
        [...buckets].map(([key, members]) => [key, typeof members === 'number' ? [members] : [...members]]),
      ),
    };
  }

  private keyOf(signature: Uint32Array, band: number): number {
    return hashWords32(signature, band * this.rows, this.rows, band) >>> KEY_BITS_DROPPED;
  }

  private checkLength(signature: Uint32Array): void {
    if (signature.length !== this.bands * this.rows)
      throw new Error(
        `LSH index of ${this.bands} bands × ${this.rows} rows needs signatures of ${this.bands * this.rows} values, got ${signature.length}`,
      );
  }
}

/** Probability that two sets of Jaccard `similarity` become candidates: 1 - (1 - s^rows)^bands. */
export function getCandidateProbability(similarity: number, bands = LSH_BANDS, rows = LSH_ROWS): number {
  return 1 - (1 - similarity ** rows) ** bands;
}
