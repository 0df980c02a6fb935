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
  private readonly counts: Map<string, number>;
  private readonly priorDocuments: number;

  /**
   * `priorDocuments` imagines that many earlier documents holding none of the keys: at the start
   * of a stream, a key two articles share is then still rare (high IDF) instead of looking as
   * common as a stopword; once the stream is much longer than the prior it no longer matters.
   */
  constructor(state?: DocumentFrequencyState, priorDocuments = 0) {
    this.priorDocuments = priorDocuments;
    this.documents = state?.documents ?? 0;
    this.counts = new Map(Object.entries(state?.counts ?? {}));
  }

  /** Counts one document holding each key of `keys` once. */
  addDocument(keys: Iterable<string>): void {
    this.documents++;
    for (const key of new Set(keys)) this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  get documentCount(): number {
    return this.documents;
  }

  frequency(key: string): number {
    return this.counts.get(key) ?? 0;
  }

  /** Smoothed IDF, `ln((N + prior + 1) / (df + 0.5))`: positive for every key, highest for keys seen once. */
  idf(key: string): number {
    return Math.log((this.documents + this.priorDocuments + 1) / (this.frequency(key) + 0.5));
  }

  toState(): DocumentFrequencyState {
    return { documents: this.documents, counts: Object.fromEntries(this.counts) };
  }
}
