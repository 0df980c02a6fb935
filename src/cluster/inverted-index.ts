/** One posting: an item's place in one key's list. */
interface Posting {
  slot: number;
  key: number;
  previous: Posting | undefined;
  next: Posting | undefined;
}

/** A key's postings, oldest first: doubly linked, so an item moves to the end in constant time. */
interface PostingList {
  head: Posting | undefined;
  tail: Posting | undefined;
}

/**
 * Posting lists from a numeric key to the items (stories) indexed under it, most recently indexed
 * last. Not part of the saved clusterer state: it is rebuilt from the stories, re-indexed in the
 * order they were last indexed, which gives back the same lists in the same order.
 * Lists hold only items currently indexed, so they are bounded by the number of live stories; a
 * lookup reads at most `scanLimit` postings per key, newest first, so a key shared by thousands of
 * stories ("trump", "covid") costs no more than a rare one.
 */
export class InvertedIndex<T> {
  private readonly lists = new Map<number, PostingList>();
  /** Items by slot: a small integer per indexed item, reused, so lookups count hits in an array. */
  private readonly items: (T | undefined)[] = [];
  private readonly postingsOf: Posting[][] = [];
  private readonly slots = new Map<T, number>();
  private readonly freeSlots: number[] = [];
  private hits = new Int32Array(64);
  /** Postings read by all lookups so far: the work they did. */
  postingsRead = 0;
  /** Slots met by the current lookup, in the order first met (reused). */
  private readonly touched: number[] = [];

  /** Replaces the keys `item` is indexed under; it becomes the most recent in each list. */
  setKeys(item: T, keys: Iterable<number>): void {
    this.remove(item);
    const slot = this.freeSlots.pop() ?? this.items.length;
    this.items[slot] = item;
    this.slots.set(item, slot);
    const postings: Posting[] = [];
    for (const key of new Set(keys)) {
      let list = this.lists.get(key);
      if (!list) {
        list = { head: undefined, tail: undefined };
        this.lists.set(key, list);
      }
      const posting: Posting = { slot, key, previous: list.tail, next: undefined };
      if (list.tail) list.tail.next = posting;
      else list.head = posting;
      list.tail = posting;
      postings.push(posting);
    }
    this.postingsOf[slot] = postings;
    if (this.hits.length < this.items.length) this.hits = new Int32Array(2 * this.items.length);
  }

  remove(item: T): void {
    const slot = this.slots.get(item);
    if (slot === undefined) return;
    for (const posting of this.postingsOf[slot] ?? []) {
      const list = this.lists.get(posting.key);
      if (!list) continue;
      if (posting.previous) posting.previous.next = posting.next;
      else list.head = posting.next;
      if (posting.next) posting.next.previous = posting.previous;
      else list.tail = posting.previous;
      if (!list.head) this.lists.delete(posting.key);
    }
    this.postingsOf[slot] = [];
    this.items[slot] = undefined;
    this.slots.delete(item);
    this.freeSlots.push(slot);
  }

  /** How many items are indexed. */
  get size(): number {
    return this.slots.size;
  }

  /** How many postings all lists hold together. */
  countPostings(): number {
    let count = 0;
    for (const postings of this.postingsOf) count += postings?.length ?? 0;
    return count;
  }

  /**
   * The `limit` items sharing the most of `keys`, most first, ties in the order first met. Each key
   * contributes its `scanLimit` most recently indexed items. Counts are small integers, so the
   * ranking is a stable counting sort over the items met.
   */
  lookupTop(keys: Iterable<number>, limit: number, scanLimit: number): T[] {
    const hits = this.hits;
    const touched = this.touched;
    touched.length = 0;
    let most = 0;
    for (const key of keys) {
      let posting = this.lists.get(key)?.tail;
      for (let read = 0; posting && read < scanLimit; read++, posting = posting.previous) {
        this.postingsRead++;
        const count = (hits[posting.slot] ?? 0) + 1;
        if (count === 1) touched.push(posting.slot);
        hits[posting.slot] = count;
        if (count > most) most = count;
      }
    }
    // starts[c]: where the items met c times begin in the ranking (most hits first).
    const starts = new Int32Array(most + 2);
    for (const slot of touched) {
      const rank = most - (hits[slot] ?? 0) + 1;
      starts[rank] = (starts[rank] ?? 0) + 1;
    }
    for (let rank = 1; rank <= most; rank++) starts[rank] = (starts[rank] ?? 0) + (starts[rank - 1] ?? 0);
    const ranked = new Array<T>(Math.min(limit, touched.length));
    for (const slot of touched) {
      const rank = most - (hits[slot] ?? 0);
      const at = starts[rank] ?? 0;
      starts[rank] = at + 1;
      if (at < ranked.length) ranked[at] = this.items[slot] as T;
      hits[slot] = 0;
    }
    return ranked;
  }
}
