/**
 * Document frequencies maintained incrementally over the stream: the IDF of a key reflects every
 * article seen so far, so no background corpus is needed (the stream warms itself up).
 * State is plain data so it can be serialised with the clusterer.
 */
export interface DocumentFrequencyState {
  documents: number;
  /** Key → number of documents holding it, in the order the keys were first seen. */
  counts: [string, number][];
}

/**
 * A key dictionary with document frequencies. Each key gets a dense id, so hot loops index arrays
 * instead of hashing strings. IDF is `ln((N + prior + 1) / (df + 0.5))`, kept as the difference of
 * two logarithms: `ln(N + prior + 1)` changes once per document and `ln(df + 0.5)` once per key
 * occurrence, so reading an IDF is a subtraction and nothing cached ever goes stale.
 *
 * Memory grows with the vocabulary, not with the stream: new words keep arriving, but sublinearly
 * (12,981 term and 9,844 name keys after the 7,356 `neus_train` articles); `docs/clustering.md`
 * says why keys are not pruned.
 */
export class DocumentFrequencies {
  private documents: number;
  private readonly ids = new Map<string, number>();
  private readonly keys: string[] = [];
  private counts = new Int32Array(1024);
  /** `ln(df + 0.5)` by id. */
  private logCounts = new Float64Array(1024);
  private readonly priorDocuments: number;
  /** `ln(N + prior + 1)`. */
  private logTotal: number;

  /**
   * `priorDocuments` imagines that many earlier documents holding none of the keys: at the start
   * of a stream, a key two articles share is then still rare (high IDF) instead of looking as
   * common as a stopword; once the stream is much longer than the prior it no longer matters.
   */
  constructor(state?: DocumentFrequencyState, priorDocuments = 0) {
    this.priorDocuments = priorDocuments;
    this.documents = state?.documents ?? 0;
    this.logTotal = Math.log(this.documents + priorDocuments + 1);
    for (const [key, count] of state?.counts ?? []) this.setCount(this.getId(key), count);
  }

  /** The dense id of `key`, assigning the next one (with frequency 0) to a key not seen before. */
  getId(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.keys.length;
      this.ids.set(key, id);
      this.keys.push(key);
      if (id >= this.counts.length) this.grow();
      this.logCounts[id] = Math.log(0.5);
    }
    return id;
  }

  /** The id of `key`, or -1 when it was never seen (nothing is assigned). */
  findId(key: string): number {
    return this.ids.get(key) ?? -1;
  }

  /** The key with dense id `id`. */
  getKey(id: number): string {
    return this.keys[id] ?? '';
  }

  /** How many ids have been handed out: every id is below this. */
  get size(): number {
    return this.keys.length;
  }

  get documentCount(): number {
    return this.documents;
  }

  /** Counts one document holding each of `ids` (distinct) once. */
  addDocument(ids: ArrayLike<number>): void {
    this.documents++;
    this.logTotal = Math.log(this.documents + this.priorDocuments + 1);
    for (let index = 0; index < ids.length; index++) {
      const id = ids[index] ?? 0;
      this.setCount(id, (this.counts[id] ?? 0) + 1);
    }
  }

  frequency(key: string): number {
    const id = this.ids.get(key);
    return id === undefined ? 0 : (this.counts[id] ?? 0);
  }

  /** IDF of the key with id `id` (see the class comment); -1 stands for a key never seen. */
  idfOf(id: number): number {
    return this.logTotal - (id < 0 ? Math.log(0.5) : (this.logCounts[id] ?? 0));
  }

  idf(key: string): number {
    return this.idfOf(this.findId(key));
  }

  toState(): DocumentFrequencyState {
    const counts: [string, number][] = [];
    this.keys.forEach((key, id) => {
      const count = this.counts[id] ?? 0;
      if (count > 0) counts.push([key, count]);
    });
    return { documents: this.documents, counts };
  }

  private setCount(id: number, count: number): void {
    this.counts[id] = count;
    this.logCounts[id] = Math.log(count + 0.5);
  }

  private grow(): void {
    const counts = new Int32Array(this.counts.length * 2);
    counts.set(this.counts);
    this.counts = counts;
    const logCounts = new Float64Array(this.logCounts.length * 2);
    logCounts.set(this.logCounts);
    this.logCounts = logCounts;
  }
}
