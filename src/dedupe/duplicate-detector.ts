import { computeDedupeFeatures, type DedupeFeatures, type DedupeItem } from './dedupe-features.ts';
import { FifoArena } from './fifo-arena.ts';
import { LshIndex } from './lsh-index.ts';
import { measureOverlap, type ShingleOverlap } from './shingle-overlap.ts';
import { decodeUint16s, encodeUint16s } from './uint16-base64.ts';

export { computeDedupeFeatures, type DedupeFeatures, type DedupeItem } from './dedupe-features.ts';

/**
 * Jaccard similarity of 5-word shingle sets at or above which two bodies are copies of one text
 * (measured on the shingles' 16-bit fingerprints, which moves it by less than 0.01: see
 * `getShingleFingerprints`). On the ../shared stories set, cleaned syndicated copies (new headline,
 * an edited sentence or number) score 0.86–0.90 and every other pair, same-event reports included,
 * at most 0.015; a one-word edit costs a 300-word body about 5 of its ~300 shingles, so 0.5 still
 * accepts a copy edited in a dozen places, and the LSH S-curve (see lsh-index.ts) finds pairs this
 * similar 87% of the time or more.
 */
export const NEAR_DUPLICATE_JACCARD = 0.5;

/**
 * Containment (shared shingles over the smaller set) at or above which the shorter body is a copy
 * that lost or gained paragraphs: a wire story of 300 words reprinted inside a 450-word local piece
 * has Jaccard 0.67 but containment 1.0. Other pairs of cleaned stories-set bodies stay below 0.03.
 */
export const NEAR_DUPLICATE_CONTAINMENT = 0.8;

/**
 * The containment rule applies only when the shorter body has this many shingles (about two
 * paragraphs), so a one-line brief that quotes a sentence of a long story is not its copy.
 */
export const MIN_CONTAINMENT_SHINGLES = 50;

/**
 * Candidates checked directly per item, most shared LSH bands first. A true copy shares most of
 * the 32 bands and ranks first; 16 leaves room for a large family of copies without letting a
 * crowded bucket make one item's cost grow.
 */
export const MAX_VERIFIED_CANDIDATES = 16;

/**
 * How long the detector remembers items. Syndicated copies follow their original within hours to
 * a few days (wire pickups, late reprints), so an item older than a month is very unlikely to be
 * copied again; the item cap bounds memory and work whatever the dates say.
 * Time is stream time: the newest published date seen so far. An item is remembered for
 * `retentionDays` of stream time after it arrives, whatever its own date: in a live stream that is
 * the same as "published more than `retentionDays` before the newest", and an old article arriving
 * late (a backfill in any order, such as the ../shared stories set, where March follows August) can
 * still be matched by its copies instead of being forgotten on arrival.
 */
export interface RetentionOptions {
  /**
   * An item is forgotten once the newest published time seen is more than this many days after
   * the newest one seen when it arrived (its own date included). Items that arrived before any
   * dated item count as arriving at the first date seen.
   */
  retentionDays: number;
  /** At most this many items are remembered; beyond it the earliest added are forgotten first. */
  maxItems: number;
}

/**
 * 30 days: four times the week within which nearly all syndicated copies appear, so a late
 * reprint is still caught. 100,000 items: 30 days of a 3,300-article-a-day stream (a few hundred
 * busy feeds); a remembered 500-word item costs about 2.1 kB (1.1 kB of band keys and shingle
 * fingerprints, 0.5 kB of LSH table, the rest ids and tables; measured with 100,000 synthetic
 * items), so the cap holds the detector near 210 MB. A busier stream reaches the cap first and
 * then remembers its last 100,000 items: still days, where copies come within hours.
 */
export const DEFAULT_RETENTION: RetentionOptions = { retentionDays: 30, maxItems: 100_000 };

/** Why an item was judged a duplicate, and of which earlier item. */
export type DuplicateMatch =
  | { kind: 'exact'; matchedId: string }
  | { kind: 'near'; matchedId: string; jaccard: number; containment: number };

export interface DuplicateDecision {
  id: string;
  /** Absent when the item copies nothing the detector still remembers. */
  match?: DuplicateMatch;
  /** Stable name of the item's group: the id of its first member (the item itself when alone). */
  groupId: string;
  /** The group's representative after this item joined: earliest published, else first added. */
  representativeId: string;
}

export interface DuplicateGroup {
  groupId: string;
  representativeId: string;
  /** The members still remembered, in the order added. */
  memberIds: string[];
}

/**
 * Plain-data form of a detector, for persistence as JSON: numbers, strings, and each indexed
 * item's record as base64 (`encodeUint16s`), about 1.6 kB a 500-word item (160 MB of JSON at the
 * default cap: checkpoint it rarely, e.g. once per ingest run).
 */
export interface DuplicateDetectorState {
  format: 1;
  retention: RetentionOptions;
  /** Position the next item gets; positions count every item ever added, and the remembered ones are the last `items.length`. */
  nextPosition: number;
  newestPublished?: number;
  /** Groups of the remembered items, by first member. */
  groups: {
    id: string;
    representativeId: string;
    /** Milliseconds since the epoch; absent when the representative is undated. */
    representativePublished?: number;
    /** Position of the first member. */
    first: number;
  }[];
  /** Remembered items in the order added. */
  items: {
    id: string;
    published?: number;
    /** Stream time when the item arrived; absent while no item had a date. */
    arrivedAt?: number;
    /** Present while this is the latest remembered item with these exact words. */
    exactKey?: string;
    /**
     * Base64 (`encodeUint16s`) of the LSH band keys (each as low and high 16 bits) followed by the
     * shingle fingerprints; present when the item is indexed (not an exact copy, not wordless).
     */
    record?: string;
    /** LSH bands whose bucket was full when the item was indexed. */
    skippedBands?: number[];
    /** Index into `groups`; absent for an item alone. */
    group?: number;
  }[];
}

interface GroupRecord {
  id: string;
  representativeId: string;
  representativePublished: number | undefined;
  first: number;
}

interface StoredItem {
  position: number;
  id: string;
  published: number | undefined;
  /** Stream time (newest published time seen) when the item arrived; undefined while no date has been seen. */
  arrivedAt: number | undefined;
  exactKey: string | undefined;
  /** Logical offset of the item's arena record (band keys, then fingerprints); undefined unless indexed. */
  record: number | undefined;
  fingerprints: number;
  skippedBands: number[] | undefined;
  group: GroupRecord | undefined;
}

interface NearMatch {
  item: StoredItem;
  overlap: ShingleOverlap;
}

const DAY_MS = 86_400_000;
/** Arena values per band key at the head of a record: a 32-bit key as two 16-bit halves. */
const KEY_VALUES = 2;

/**
 * Incremental duplicate detection over an endless stream: each added item is compared with the
 * remembered items added before it and joins the group of the one it copies. Per-item work is
 * bounded (32 bucket look-ups, at most 16 direct checks, amortised constant forgetting), and so is
 * memory (`RetentionOptions`), so neither grows with the corpus.
 * A forgotten item can no longer be matched: a copy of it arriving later starts a new group. Group
 * ids and representatives already returned stay valid; a group outlives its forgotten members.
 * Items are numbered (positions) in the order added; the LSH index stores positions as 32-bit
 * values, which lasts 4 billion items. Both retention rules forget from the earliest added, so the
 * remembered items are always the last ones added; ids must be unique among them.
 */
export class DuplicateDetector {
  private readonly retention: RetentionOptions;
  private readonly index = new LshIndex();
  /** Each indexed item's record: band keys, then shingle fingerprints; released as items are forgotten. */
  private readonly arena = new FifoArena();
  /** Band keys read back from the arena to remove an item from the index (reused). */
  private readonly keysScratch = new Uint32Array(this.index.bands);
  /** Remembered items by position: positions `oldestPosition` to `nextPosition - 1`. */
  private readonly items = new Map<number, StoredItem>();
  private readonly positionById = new Map<string, number>();
  /** Exact key → position of the latest remembered item with those words. */
  private readonly holderByExactKey = new Map<string, number>();
  private nextPosition = 0;
  private oldestPosition = 0;
  private newestPublished: number | undefined;

  constructor(retention: Partial<RetentionOptions> = {}) {
    this.retention = { ...DEFAULT_RETENTION, ...retention };
    const { retentionDays, maxItems } = this.retention;
    if (!(retentionDays > 0 && Number.isFinite(retentionDays)))
      throw new Error(`dedupe: retentionDays must be a positive number of days, got ${retentionDays}`);
    if (!(Number.isInteger(maxItems) && maxItems > 0))
      throw new Error(`dedupe: maxItems must be a positive whole number, got ${maxItems}`);
  }

  /**
   * Rebuilds a detector from `toState()` output; it then decides exactly as the saved one would
   * have. `retention` overrides the saved options (a smaller limit applies from the next item).
   */
  static fromState(
    state: DuplicateDetectorState,
    retention: Partial<RetentionOptions> = {},
  ): DuplicateDetector {
    if (state.format !== 1) throw new Error(`dedupe: unknown state format ${String(state.format)}`);
    const detector = new DuplicateDetector({ ...state.retention, ...retention });
    detector.nextPosition = state.nextPosition;
    detector.oldestPosition = state.nextPosition - state.items.length;
    detector.newestPublished = state.newestPublished;
    const groups: GroupRecord[] = state.groups.map((group) => ({
      ...group,
      representativePublished: group.representativePublished,
    }));
    const keyValues = detector.index.bands * KEY_VALUES;
    for (const [offset, saved] of state.items.entries()) {
      const values = saved.record === undefined ? undefined : decodeUint16s(saved.record);
      const item: StoredItem = {
        position: detector.oldestPosition + offset,
        id: saved.id,
        published: saved.published,
        arrivedAt: saved.arrivedAt,
        exactKey: saved.exactKey,
        record: values && detector.arena.append(values),
        fingerprints: values ? values.length - keyValues : 0,
        skippedBands: saved.skippedBands,
        group: saved.group === undefined ? undefined : groups[saved.group],
      };
      if (item.record !== undefined)
        detector.index.reinsert(item.position, detector.readBandKeys(item), item.skippedBands);
      detector.remember(item);
    }
    return detector;
  }

  /** Items remembered now. */
  get size(): number {
    return this.items.size;
  }

  /** `addFeatures` of the item's `computeDedupeFeatures`. */
  add(item: DedupeItem): DuplicateDecision {
    return this.addFeatures(item.id, computeDedupeFeatures(item));
  }

  /**
   * Adds an item by its features and says whether it duplicates a remembered one.
   * 1. Reject a repeated id or a signature of the wrong length (one-line error, nothing changed).
   * 2. Advance stream time to the item's published time and forget what is now too old.
   * 3. An exact key a remembered item holds: exact duplicate of it (the key moves to this item).
   * 4. Else ask the LSH index for candidates by the signature's band keys; check the best-ranked
   *    ones directly (Jaccard, containment of shingle fingerprints) and take the most similar one
   *    that passes a threshold. Then index the item. A body without words is kept alone and never
   *    matched.
   * 5. Join the matched item's group and update its representative. Groups are never merged: an
   *    item resembling members of two groups joins the group of the most similar one.
   * 6. Forget the earliest added beyond `maxItems`.
   */
  addFeatures(id: string, features: DedupeFeatures): DuplicateDecision {
    if (this.positionById.has(id)) throw new Error(`dedupe: item "${id}" was already added`);
    const { exactKey, published, fingerprints } = features;
    const bandKeys = exactKey === undefined ? undefined : this.index.getBandKeys(features.signature);
    if (published !== undefined) this.advanceStreamTime(published);
    const item: StoredItem = {
      position: this.nextPosition++,
      id,
      published,
      arrivedAt: this.newestPublished,
      exactKey,
      record: undefined,
      fingerprints: 0,
      skippedBands: undefined,
      group: undefined,
    };
    let match: DuplicateMatch | undefined;
    let matched: StoredItem | undefined;
    const holder = exactKey === undefined ? undefined : this.holderByExactKey.get(exactKey);
    if (holder !== undefined) {
      matched = this.items.get(holder)!;
      matched.exactKey = undefined;
      match = { kind: 'exact', matchedId: matched.id };
    } else if (bandKeys) {
      const near = this.findNearest(fingerprints, bandKeys);
      if (near) {
        matched = near.item;
        match = { kind: 'near', matchedId: near.item.id, ...near.overlap };
      }
      item.record = this.arena.append(createRecord(bandKeys, fingerprints));
      item.fingerprints = fingerprints.length;
      item.skippedBands = this.index.insert(item.position, bandKeys);
    }
    if (matched) item.group = joinGroup(matched, item);
    this.remember(item);
    while (this.items.size > this.retention.maxItems) this.forgetOldest();
    return {
      id,
      ...(match ? { match } : {}),
      groupId: item.group?.id ?? id,
      representativeId: item.group?.representativeId ?? id,
    };
  }

  /** The representative of the group holding `id`, or undefined for an id not remembered. */
  getRepresentative(id: string): string | undefined {
    const position = this.positionById.get(id);
    if (position === undefined) return undefined;
    const item = this.items.get(position)!;
    return item.group?.representativeId ?? item.id;
  }

  /** Every group with a remembered member, in the order their first member was added. */
  listGroups(): DuplicateGroup[] {
    const members = new Map<GroupRecord, string[]>();
    for (const item of this.items.values()) {
      if (!item.group) continue;
      const ids = members.get(item.group);
      if (ids) ids.push(item.id);
      else members.set(item.group, [item.id]);
    }
    return [...members]
      .sort(([a], [b]) => a.first - b.first)
      .map(([group, memberIds]) => ({
        groupId: group.id,
        representativeId: group.representativeId,
        memberIds,
      }));
  }

  /** Plain data, safe to JSON-encode; `fromState` restores a detector that decides the same. */
  toState(): DuplicateDetectorState {
    const groups: DuplicateDetectorState['groups'] = [];
    const groupIndex = new Map<GroupRecord, number>();
    const items: DuplicateDetectorState['items'] = [];
    // Positions are implied: the remembered items are the last `items.length` added.
    for (const item of this.items.values()) {
      let group: number | undefined;
      if (item.group) {
        group = groupIndex.get(item.group);
        if (group === undefined) {
          group = groups.length;
          groupIndex.set(item.group, group);
          const { id, representativeId, representativePublished, first } = item.group;
          groups.push({ id, representativeId, ...optional({ representativePublished }), first });
        }
      }
      const record =
        item.record === undefined
          ? undefined
          : encodeUint16s(this.arena.view(item.record, this.index.bands * KEY_VALUES + item.fingerprints));
      items.push({
        id: item.id,
        ...optional({
          published: item.published,
          arrivedAt: item.arrivedAt,
          exactKey: item.exactKey,
          record,
          skippedBands: item.skippedBands,
          group,
        }),
      });
    }
    return {
      format: 1,
      retention: { ...this.retention },
      nextPosition: this.nextPosition,
      ...optional({ newestPublished: this.newestPublished }),
      groups,
      items,
    };
  }

  /** The most similar remembered item passing a threshold among the top LSH candidates. */
  private findNearest(fingerprints: Uint16Array, bandKeys: Uint32Array): NearMatch | undefined {
    let best: NearMatch | undefined;
    for (const candidate of this.index.query(bandKeys, MAX_VERIFIED_CANDIDATES)) {
      const other = this.items.get(candidate.member)!;
      const overlap = measureOverlap(fingerprints, this.readFingerprints(other));
      const contained =
        overlap.containment >= NEAR_DUPLICATE_CONTAINMENT &&
        Math.min(fingerprints.length, other.fingerprints) >= MIN_CONTAINMENT_SHINGLES;
      if (overlap.jaccard < NEAR_DUPLICATE_JACCARD && !contained) continue;
      if (!best || overlap.jaccard > best.overlap.jaccard) best = { item: other, overlap };
    }
    return best;
  }

  private readFingerprints(item: StoredItem): Uint16Array {
    return this.arena.view(item.record! + this.index.bands * KEY_VALUES, item.fingerprints);
  }

  /** An indexed item's band keys, into the shared scratch array. */
  private readBandKeys(item: StoredItem): Uint32Array {
    const values = this.arena.view(item.record!, this.index.bands * KEY_VALUES);
    for (let band = 0; band < this.keysScratch.length; band++)
      this.keysScratch[band] = values[2 * band]! | (values[2 * band + 1]! << 16);
    return this.keysScratch;
  }

  /** Enters an item into the tables (its LSH entries are the caller's). */
  private remember(item: StoredItem): void {
    this.items.set(item.position, item);
    this.positionById.set(item.id, item.position);
    if (item.exactKey !== undefined) this.holderByExactKey.set(item.exactKey, item.position);
  }

  /**
   * Moves stream time forward to `published` (never back) and forgets the items that arrived more
   * than `retentionDays` before it. Arrival times never decrease with position, so those are the
   * earliest added. The first date seen also dates the items that arrived before it.
   */
  private advanceStreamTime(published: number): void {
    if (this.newestPublished === undefined)
      for (const item of this.items.values()) item.arrivedAt = published;
    else if (published <= this.newestPublished) return;
    this.newestPublished = published;
    const cutoff = published - this.retention.retentionDays * DAY_MS;
    while (this.items.size > 0 && this.items.get(this.oldestPosition)!.arrivedAt! < cutoff)
      this.forgetOldest();
  }

  /** Removes the earliest added item from every table; its group record lives on in the other members. */
  private forgetOldest(): void {
    const item = this.items.get(this.oldestPosition)!;
    this.oldestPosition++;
    this.items.delete(item.position);
    this.positionById.delete(item.id);
    if (item.exactKey !== undefined) this.holderByExactKey.delete(item.exactKey);
    if (item.record !== undefined) {
      this.index.remove(item.position, this.readBandKeys(item));
      this.arena.releaseBefore(item.record + this.index.bands * KEY_VALUES + item.fingerprints);
    }
  }
}

/** An arena record: each band key as its low and high 16 bits, then the fingerprints. */
function createRecord(bandKeys: Uint32Array, fingerprints: Uint16Array): Uint16Array {
  const record = new Uint16Array(bandKeys.length * KEY_VALUES + fingerprints.length);
  for (let band = 0; band < bandKeys.length; band++) {
    record[2 * band] = bandKeys[band]! & 0xffff;
    record[2 * band + 1] = bandKeys[band]! >>> 16;
  }
  record.set(fingerprints, bandKeys.length * KEY_VALUES);
  return record;
}

/** The group `item` joins as a copy of `matched` (created when `matched` was alone), representative updated. */
function joinGroup(matched: StoredItem, item: StoredItem): GroupRecord {
  if (!matched.group) {
    matched.group = {
      id: matched.id,
      representativeId: matched.id,
      representativePublished: matched.published,
      first: matched.position,
    };
  }
  const group = matched.group;
  if (isEarlier(item.published, group.representativePublished)) {
    group.representativeId = item.id;
    group.representativePublished = item.published;
  }
  return group;
}

/**
 * Whether a newly added item should replace the current representative: only with a known date
 * earlier than the representative's (or a representative without one). Ties and unknown dates keep
 * the representative, which was added first.
 */
function isEarlier(published: number | undefined, representative: number | undefined): boolean {
  if (published === undefined) return false;
  return representative === undefined || published < representative;
}

/** The given fields without the undefined ones (the state and decisions carry no `undefined` values). */
function optional<T extends Record<string, unknown>>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<T>;
}
