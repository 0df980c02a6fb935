/**
 * Posting lists from a key (term or name) to the stories indexed under it. Not part of the saved
 * clusterer state: it is rebuilt from the stories' centroids on load.
 */
export class InvertedIndex {
  private readonly postings = new Map<string, Set<string>>();
  private readonly keysOf = new Map<string, string[]>();

  private addPosting(key: string, story: string): void {
    let stories = this.postings.get(key);
    if (!stories) {
      stories = new Set();
      this.postings.set(key, stories);
    }
    stories.add(story);
    const keys = this.keysOf.get(story);
    if (keys) keys.push(key);
    else this.keysOf.set(story, [key]);
  }

  /** Replaces the keys a story is indexed under. */
  setKeys(story: string, keys: Iterable<string>): void {
    this.remove(story);
    for (const key of new Set(keys)) this.addPosting(key, story);
  }

  remove(story: string): void {
    for (const key of this.keysOf.get(story) ?? []) {
      const stories = this.postings.get(key);
      stories?.delete(story);
      if (stories?.size === 0) this.postings.delete(key);
    }
    this.keysOf.delete(story);
  }

  /**
   * The `limit` stories sharing the most of `keys`, most first, ties in `lookup` order: a stable
   * sort by count cut to `limit`, done as a bucket pass because counts are small integers.
   */
  lookupTop(keys: Iterable<string>, limit: number): string[] {
    const buckets: string[][] = [];
    for (const [story, count] of this.lookup(keys)) {
      const bucket = buckets[count];
      if (bucket) bucket.push(story);
      else buckets[count] = [story];
    }
    const top: string[] = [];
    for (let count = buckets.length - 1; count > 0 && top.length < limit; count--) {
      for (const story of buckets[count] ?? []) {
        if (top.length === limit) break;
        top.push(story);
      }
    }
    return top;
  }

  /** Stories sharing at least one of `keys`, with how many they share. */
  lookup(keys: Iterable<string>): Map<string, number> {
    const hits = new Map<string, number>();
    for (const key of keys)
      for (const story of this.postings.get(key) ?? []) hits.set(story, (hits.get(story) ?? 0) + 1);
    return hits;
  }
}
