import { createHash } from 'node:crypto';
import { LshIndex, type LshIndexState } from './lsh-index.ts';
import { computeMinHash } from './minhash.ts';
import { measureOverlap, type ShingleOverlap } from './shingle-overlap.ts';
import { hashShingles, tokenizeForShingles } from './word-shingles.ts';

/**
 * Jaccard similarity of 5-word shingle sets at or above which two bodies are copies of one text.
 * On the ../shared stories set, cleaned syndicated copies (new headline, an edited sentence or
 * number) score 0.86–0.90 and every other pair, same-event reports included, at most 0.015; a one-word edit
 * costs a 300-word body about 5 of its ~300 shingles, so 0.5 still accepts a copy edited in a
 * dozen places, and the LSH S-curve (see lsh-index.ts) finds pairs this similar 87% of the time or more.
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

/** What the detector needs of an article. */
export interface DedupeItem {
  /** Unique among the items added (`Article.id`). */
  id: string;
  /** The cleaned body: `getBodyText(article)`. */
  body: string;
  /** ISO-8601 date or date-time (`Article.published.value`); absent when unknown. */
  published?: string;
}

/** Why an item was judged a duplicate, and of which earlier item. */
export type DuplicateMatch =
  | { kind: 'exact'; matchedId: string }
  | { kind: 'near'; matchedId: string; jaccard: number; containment: number };

export interface DuplicateDecision {
  id: string;
  /** Absent when the item copies nothing added before it. */
  match?: DuplicateMatch;
  /** Stable name of the item's group: the id of its first member (the item itself when alone). */
  groupId: string;
  /** The group's representative after this item joined: earliest published, else first added. */
  representativeId: string;
}

export interface DuplicateGroup {
  groupId: string;
  representativeId: string;
  /** Every member, in the order added. */
  memberIds: string[];
}

/** Plain-data form of a detector (numbers, strings and arrays only), for persistence. */
export interface DuplicateDetectorState {
  /** In the order added; `group` is the position of the group's first member in this list. */
  items: {
    id: string;
    /** Absent for a body without words, which is never matched. */
    exactKey?: string;
    /** Milliseconds since the epoch. */
    published?: number;
    shingles: number[];
    group: number;
  }[];
  index: LshIndexState;
}

interface StoredItem {
  id: string;
  exactKey?: string;
  published?: number;
  shingles: Uint32Array;
  group: number;
}

interface NearMatch {
  position: number;
  overlap: ShingleOverlap;
}

interface GroupState {
  members: number[];
  representative: number;
}

/**
 * Incremental duplicate detection: each added item is compared with the items added before it and
 * joins the group of the one it copies. Per-item work is bounded (shingling, a 128-value
 * signature, 32 bucket look-ups, at most 16 direct checks), so it does not grow with the corpus.
 * Items are numbered in the order added; all state is plain numbers, strings and arrays.
 */
export class DuplicateDetector {
  private readonly items: StoredItem[] = [];
  private readonly positionById = new Map<string, number>();
  private readonly positionByExactKey = new Map<string, number>();
  /** Groups with two or more members, by the position of their first member. */
  private readonly groups = new Map<number, GroupState>();
  private readonly index: LshIndex;

  constructor(index: LshIndex = new LshIndex()) {
    this.index = index;
  }

  /** Rebuilds a detector from `toState()` output. */
  static fromState(state: DuplicateDetectorState): DuplicateDetector {
    const detector = new DuplicateDetector(LshIndex.fromState(state.index));
    for (const item of state.items) {
      detector.store({ ...item, shingles: Uint32Array.from(item.shingles) });
    }
    return detector;
  }

  get size(): number {
    return this.items.length;
  }

  /**
   * Adds an item and says whether it duplicates an earlier one.
   * 1. Reject a repeated id or an unreadable published date (one-line error naming the item).
   * 2. Tokenize the body; the SHA-256 of its normalised words is its exact key. A body with no
   *    words is kept alone and never matched.
   * 3. An exact key seen before: exact duplicate of that item.
   * 4. Else shingle the words, compute the MinHash signature and ask the LSH index for candidates;
   *    check the best-ranked ones directly (Jaccard, containment) and take the most similar one
   *    that passes a threshold. Then index the item's signature.
   * 5. Join the matched item's group and update its representative. Groups are never merged: an
   *    item resembling members of two groups joins the group of the most similar one.
   */
  add(item: DedupeItem): DuplicateDecision {
    if (this.positionById.has(item.id)) throw new Error(`dedupe: item "${item.id}" was already added`);
    const published = parsePublished(item);
    const position = this.items.length;
    const tokens = tokenizeForShingles(item.body);
    const exactKey = tokens.length > 0 ? hashTokens(tokens) : undefined;
    const exactPosition = exactKey === undefined ? undefined : this.positionByExactKey.get(exactKey);
    let match: DuplicateMatch | undefined;
    let matchedPosition: number | undefined;
    let shingles: Uint32Array = new Uint32Array(0);
    if (exactPosition !== undefined) {
      matchedPosition = exactPosition;
      match = { kind: 'exact', matchedId: this.itemAt(exactPosition).id };
    } else if (tokens.length > 0) {
      shingles = hashShingles(tokens);
      const signature = computeMinHash(shingles);
      const near = this.findNearest(shingles, signature);
      if (near) {
        matchedPosition = near.position;
        match = { kind: 'near', matchedId: this.itemAt(near.position).id, ...near.overlap };
      }
      this.index.insert(position, signature);
    }
    const group = matchedPosition === undefined ? position : this.itemAt(matchedPosition).group;
    this.store({ id: item.id, shingles, group, ...optional({ exactKey, published }) });
    return {
      id: item.id,
      ...(match ? { match } : {}),
      groupId: this.itemAt(group).id,
      representativeId: this.itemAt(this.groups.get(group)?.representative ?? position).id,
    };
  }

  /** The representative of the group holding `id`, or undefined for an id never added. */
  getRepresentative(id: string): string | undefined {
    const position = this.positionById.get(id);
    if (position === undefined) return undefined;
    const group = this.itemAt(position).group;
    return this.itemAt(this.groups.get(group)?.representative ?? position).id;
  }

  /** Every group of two or more items, in the order their first member was added. */
  listGroups(): DuplicateGroup[] {
    return [...this.groups]
      .sort(([a], [b]) => a - b)
      .map(([first, group]) => ({
        groupId: this.itemAt(first).id,
        representativeId: this.itemAt(group.representative).id,
        memberIds: group.members.map((member) => this.itemAt(member).id),
      }));
  }

  /** Plain data, safe to JSON-encode; `fromState` restores an equal detector. */
  toState(): DuplicateDetectorState {
    return {
      items: this.items.map((item) => ({
        id: item.id,
        ...optional({ exactKey: item.exactKey, published: item.published }),
        shingles: [...item.shingles],
        group: item.group,
      })),
      index: this.index.toState(),
    };
  }

  /** The most similar earlier item passing a threshold among the top LSH candidates. */
  private findNearest(shingles: Uint32Array, signature: Uint32Array): NearMatch | undefined {
    let best: NearMatch | undefined;
    for (const candidate of this.index.query(signature, MAX_VERIFIED_CANDIDATES)) {
      const other = this.itemAt(candidate.member).shingles;
      const overlap = measureOverlap(shingles, other);
      const contained =
        overlap.containment >= NEAR_DUPLICATE_CONTAINMENT &&
        Math.min(shingles.length, other.length) >= MIN_CONTAINMENT_SHINGLES;
      if (overlap.jaccard < NEAR_DUPLICATE_JACCARD && !contained) continue;
      if (!best || overlap.jaccard > best.overlap.jaccard) best = { position: candidate.member, overlap };
    }
    return best;
  }

  /** Appends an item and keeps the id, exact-key and group tables in step. */
  private store(item: StoredItem): void {
    const position = this.items.length;
    this.items.push(item);
    this.positionById.set(item.id, position);
    if (item.exactKey !== undefined && !this.positionByExactKey.has(item.exactKey))
      this.positionByExactKey.set(item.exactKey, position);
    if (item.group === position) return;
    let group = this.groups.get(item.group);
    if (!group) {
      group = { members: [item.group], representative: item.group };
      this.groups.set(item.group, group);
    }
    group.members.push(position);
    if (isEarlier(item, this.itemAt(group.representative))) group.representative = position;
  }

  private itemAt(position: number): StoredItem {
    const item = this.items[position];
    if (!item) throw new Error(`dedupe: no item at position ${position}`);
    return item;
  }
}

/**
 * Whether a newly added item should replace the current representative: only with a known date
 * earlier than the representative's (or a representative without one). Ties and unknown dates keep
 * the representative, which was added first.
 */
function isEarlier(item: StoredItem, representative: StoredItem): boolean {
  if (item.published === undefined) return false;
  return representative.published === undefined || item.published < representative.published;
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
  return createHash('sha256').update(tokens.join(' ')).digest('hex');
}

/** The given fields without the undefined ones (the state and decisions carry no `undefined` values). */
function optional<T extends Record<string, unknown>>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<T>;
}
