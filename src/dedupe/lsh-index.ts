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
 * is still found through its other 31 bands (or once removals make room), and the bound keeps the
 * cost of a query flat.
 */
export const MAX_BUCKET_SIZE = 32;

/** Band keys are 30-bit, so a stored `key + 1` (0 marks an empty slot) fits 32 bits and V8 keeps them small integers. */
const KEY_BITS_DROPPED = 2;
/** Start size of the table in slots; it grows by `GROWTH` as entries are added. */
const INITIAL_SLOTS = 4096;
/**
 * Share of slots in use at which the table grows. Linear probing stays short below it (about 8.5
 * slots for a look-up that misses, at the limit: a cache line or two). Growing by half (not
 * doubling) keeps the load between 0.5 and 0.75: 2 × 4 bytes / load ≈ 11–16 bytes an entry,
 * against about 30 for a JavaScript Map.
 */
const MAX_LOAD = 0.75;
const GROWTH = 1.5;

/** A candidate with the number of bands it shares with the query: more shared bands, more similar. */
export interface LshCandidate {
  member: number;
  sharedBands: number;
}

/**
 * Locality-sensitive hashing over MinHash signatures ("banding"): the signature is cut into bands
 * of consecutive rows, each band hashed to a bucket key; members sharing any bucket are candidates.
 * Members are numbers below 2^32 chosen by the caller (e.g. insertion order), stored under their
 * band keys (`getBandKeys`), which the caller keeps so it can remove a member again. The work of
 * an insert, query or removal does not grow with the number of members: a query returns at most
 * bands × MAX_BUCKET_SIZE of them, and the load kept below `MAX_LOAD` keeps probe runs short.
 * The buckets of all bands share one open-addressing table (linear probing) of (key, member)
 * entries in two typed arrays: no object per entry, and a look-up reads one or two cache lines.
 * Keys of different bands differ because each band's hash has its own seed; a chance collision
 * only adds a candidate, which the caller checks directly anyway.
 */
export class LshIndex {
  readonly bands: number;
  readonly rows: number;
  /** Per slot, the entry's band key + 1, or 0 for an empty slot. Keys are uniform hashes, so an entry's home slot is its key modulo the size. */
  private slotKeys = new Uint32Array(INITIAL_SLOTS);
  private slotMembers = new Uint32Array(INITIAL_SLOTS);
  private entries = 0;
  /** Shared bands per candidate during one query (reused: queries are the hot path). */
  private readonly counts = new Map<number, number>();

  constructor(bands = LSH_BANDS, rows = LSH_ROWS) {
    this.bands = bands;
    this.rows = rows;
  }

  /** The bucket key of each band of a signature. */
  getBandKeys(signature: Uint32Array): Uint32Array {
    if (signature.length !== this.bands * this.rows)
      throw new Error(
        `LSH index of ${this.bands} bands × ${this.rows} rows needs signatures of ${this.bands * this.rows} values, got ${signature.length}`,
      );
    const keys = new Uint32Array(this.bands);
    for (let band = 0; band < this.bands; band++)
      keys[band] = hashWords32(signature, band * this.rows, this.rows, band) >>> KEY_BITS_DROPPED;
    return keys;
  }

  /**
   * Adds a member under each of its band keys, except where the bucket is already full. Returns
   * the bands skipped that way (usually none: undefined), which `reinsert` needs to rebuild the
   * same buckets.
   */
  insert(member: number, keys: Uint32Array): number[] | undefined {
    this.checkKeys(keys);
    this.reserve(this.bands);
    let skipped: number[] | undefined;
    for (let band = 0; band < this.bands; band++) {
      if (this.addEntry(keys[band]! + 1, member, MAX_BUCKET_SIZE)) continue;
      skipped ??= [];
      skipped.push(band);
    }
    return skipped;
  }

  /**
   * Adds a member exactly as an earlier `insert` did, skipping the bands it skipped then: members
   * reinserted in their original order rebuild the same buckets, whatever was removed since.
   */
  reinsert(member: number, keys: Uint32Array, skipped: readonly number[] = []): void {
    this.checkKeys(keys);
    this.reserve(this.bands);
    for (let band = 0; band < this.bands; band++) {
      if (!skipped.includes(band)) this.addEntry(keys[band]! + 1, member, Number.POSITIVE_INFINITY);
    }
  }

  /** Removes a member from the buckets of its band keys (where it is present). */
  remove(member: number, keys: Uint32Array): void {
    this.checkKeys(keys);
    const slotKeys = this.slotKeys;
    const size = slotKeys.length;
    for (let band = 0; band < this.bands; band++) {
      const stored = keys[band]! + 1;
      for (let slot = stored % size; slotKeys[slot] !== 0; slot = slot + 1 === size ? 0 : slot + 1) {
        if (slotKeys[slot] === stored && this.slotMembers[slot] === member) {
          this.deleteSlot(slot);
          break;
        }
      }
    }
  }

  /**
   * Members sharing at least one band key with `keys`, most shared bands first (ties: smaller
   * member first), at most `limit` of them.
   */
  query(keys: Uint32Array, limit = Number.POSITIVE_INFINITY): LshCandidate[] {
    this.checkKeys(keys);
    const counts = this.counts;
    counts.clear();
    const slotKeys = this.slotKeys;
    const size = slotKeys.length;
    for (let band = 0; band < this.bands; band++) {
      const stored = keys[band]! + 1;
      for (let slot = stored % size; slotKeys[slot] !== 0; slot = slot + 1 === size ? 0 : slot + 1) {
        if (slotKeys[slot] !== stored) continue;
        const member = this.slotMembers[slot]!;
        counts.set(member, (counts.get(member) ?? 0) + 1);
      }
    }
    if (counts.size === 0) return [];
    const candidates: LshCandidate[] = [];
    for (const [member, sharedBands] of counts) candidates.push({ member, sharedBands });
    candidates.sort((a, b) => b.sharedBands - a.sharedBands || a.member - b.member);
    if (candidates.length > limit) candidates.length = limit;
    return candidates;
  }

  /** Adds one entry (key + 1) unless its bucket already holds `capacity` members; says whether it did. */
  private addEntry(stored: number, member: number, capacity: number): boolean {
    const slotKeys = this.slotKeys;
    const size = slotKeys.length;
    let inBucket = 0;
    let slot = stored % size;
    for (; slotKeys[slot] !== 0; slot = slot + 1 === size ? 0 : slot + 1) {
      if (slotKeys[slot] === stored) inBucket++;
    }
    if (inBucket >= capacity) return false;
    slotKeys[slot] = stored;
    this.slotMembers[slot] = member;
    this.entries++;
    return true;
  }

  /**
   * Empties a slot by backward-shift deletion: later entries of the probe run move back into the
   * hole when their home slot allows, so look-ups never need tombstones.
   */
  private deleteSlot(hole: number): void {
    const slotKeys = this.slotKeys;
    const size = slotKeys.length;
    for (
      let slot = hole + 1 === size ? 0 : hole + 1;
      slotKeys[slot] !== 0;
      slot = slot + 1 === size ? 0 : slot + 1
    ) {
      const home = slotKeys[slot]! % size;
      // The entry may fill the hole when its home is not between the hole and its slot (cyclically).
      if ((slot - home + size) % size < (slot - hole + size) % size) continue;
      slotKeys[hole] = slotKeys[slot]!;
      this.slotMembers[hole] = this.slotMembers[slot]!;
      hole = slot;
    }
    slotKeys[hole] = 0;
    this.entries--;
  }

  /** Grows the table until `extra` more entries keep it within `MAX_LOAD`, re-placing every entry. */
  private reserve(extra: number): void {
    if (this.entries + extra <= this.slotKeys.length * MAX_LOAD) return;
    const oldKeys = this.slotKeys;
    const oldMembers = this.slotMembers;
    let size = Math.ceil(oldKeys.length * GROWTH);
    while (this.entries + extra > size * MAX_LOAD) size = Math.ceil(size * GROWTH);
    this.slotKeys = new Uint32Array(size);
    this.slotMembers = new Uint32Array(size);
    this.entries = 0;
    for (let slot = 0; slot < oldKeys.length; slot++) {
      const stored = oldKeys[slot]!;
      if (stored !== 0) this.addEntry(stored, oldMembers[slot]!, Number.POSITIVE_INFINITY);
    }
  }

  private checkKeys(keys: Uint32Array): void {
    if (keys.length !== this.bands)
      throw new Error(`LSH index of ${this.bands} bands needs ${this.bands} band keys, got ${keys.length}`);
  }
}

/** Probability that two sets of Jaccard `similarity` become candidates: 1 - (1 - s^rows)^bands. */
export function getCandidateProbability(similarity: number, bands = LSH_BANDS, rows = LSH_ROWS): number {
  return 1 - (1 - similarity ** rows) ** bands;
}
