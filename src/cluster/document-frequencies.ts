/**
 * Document frequencies maintained incrementally over the stream: the IDF of a term reflects every
 * article seen so far, so no background corpus is needed (the stream warms itself up).
 * State is plain data so it can be serialised with the clusterer.
 */
export interface DocumentFrequencyState {
  documents: number;
  counts: Record<string, number>;
}

export class DocumentFrequencies {
  private documents: number;
  /** Key dictionary: each key seen gets a dense id, so hot loops index arrays instead of hashing strings. */
  private readonly ids = new Map<string, number>();
  private readonly keys: string[] = [];
  private readonly counts: number[] = [];
  /** IDF by id, valid while `idfStamps[id]` equals the document count (every change bumps that count). */
  private readonly idfs: number[] = [];
  private readonly idfStamps: number[] = [];
  private readonly priorDocuments: number;

  /**
   * `priorDocuments` imagines that many earlier documents holding none of the keys: at the start
   * of a stream, a key two articles share is then still rare (high IDF) instead of looking as
   * common as a stopword; once the stream is much longer than the prior it no longer matters.
   */
  constructor(state?: DocumentFrequencyState, priorDocuments = 0) {
    this.priorDocuments = priorDocuments;
    this.documents = state?.documents ?? 0;
    for (const [key, count] of Object.entries(state?.counts ?? {})) this.counts[this.getId(key)] = count;
  }

  /** The dense id of `key`, assigning the next one (with frequency 0) to a key not seen before. */
  getId(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.keys.length;
      this.ids.set(key, id);
      this.keys.push(key);
      this.counts.push(0);
      this.idfs.push(0);
      this.idfStamps.push(-1);
    }
    return id;
  }

  /** The key with dense id `id`. */
  getKey(id: number): string {
    return this.keys[id] ?? '';
  }

  /** How many ids have been handed out: every id is below this. */
  get size(): number {
    return this.keys.length;
  }

  /** Counts one document holding each key of `keys` once. */
  addDocument(keys: Iterable<string>): void {
    this.documents++;
    for (const key of new Set(keys)) {
      const id = this.getId(key);
      this.counts[id] = (this.counts[id] ?? 0) + 1;
    }
  }

  get documentCount(): number {
    return this.documents;
  }

  frequency(key: string): number {
    const id = this.ids.get(key);
    return id === undefined ? 0 : (this.counts[id] ?? 0);
  }

  /** Smoothed IDF, `ln((N + prior + 1) / (df + 0.5))`: positive for every key, highest for keys seen once. */
  idf(key: string): number {
    return this.computeIdf(this.frequency(key));
  }

  /** `idf` of the key with dense id `id` (see `getId`), computed once per document count. */
  idfOf(id: number): number {
    if (this.idfStamps[id] !== this.documents) {
      this.idfs[id] = this.computeIdf(this.counts[id] ?? 0);
      this.idfStamps[id] = this.documents;
    }
    return this.idfs[id] ?? 0;
  }

  private computeIdf(frequency: number): number {
    return Math.log((this.documents + this.priorDocuments + 1) / (frequency + 0.5));
  }

  toState(): DocumentFrequencyState {
    const counts: Record<string, number> = {};
    this.keys.forEach((key, id) => {
      const count = this.counts[id] ?? 0;
      if (count > 0) counts[key] = count;
    });
    return { documents: this.documents, counts };
  }
}
