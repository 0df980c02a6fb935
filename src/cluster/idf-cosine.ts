import type { DocumentFrequencies } from './document-frequencies.ts';
import type { IdVector } from './id-vector.ts';

/**
 * IDF-weighted cosine of id vectors against one probe (an article, or a story looking for stories
 * to merge), weighted by the IDF of the moment, so old centroids benefit from today's frequencies.
 * 1. `setProbe` scatters the probe's weighted values by key id into a dense scratch array, once for
 *    all the candidates it is scored against (keys never seen, id -1, count in its norm only).
 * 2. `cosine` walks the candidate once, summing its weighted dot product with the probe and its own
 *    norm: no map, no allocation, and IDF reads are a subtraction (`DocumentFrequencies.idfOf`).
 */
export class IdfCosine {
  private readonly frequencies: DocumentFrequencies;
  /** The probe's weighted values by key id (zero elsewhere). */
  private probeWeights = new Float64Array(1024);
  /** 1 + the probe's index of each of its key ids (zero elsewhere), to find its written forms. */
  private probeIndex = new Int32Array(1024);
  private probe: IdVector | undefined;
  private probeNorm = 0;
  /** A top-`topLimit` ranking kept sorted by insertion (limits are small), best first, ties by key. */
  private readonly topIds: number[] = [];
  private readonly topScores: number[] = [];
  private topLimit = 0;

  constructor(frequencies: DocumentFrequencies) {
    this.frequencies = frequencies;
  }

  /** Makes `probe` the vector `cosine` compares with; call again after the frequencies change. */
  setProbe(probe: IdVector): void {
    this.clearProbe();
    if (this.probeWeights.length < this.frequencies.size) {
      const size = Math.max(this.frequencies.size, 2 * this.probeWeights.length);
      this.probeWeights = new Float64Array(size);
      this.probeIndex = new Int32Array(size);
    }
    let sum = 0;
    for (let index = 0; index < probe.ids.length; index++) {
      const id = probe.ids[index] ?? -1;
      const weighted = (probe.values[index] ?? 0) * this.frequencies.idfOf(id);
      sum += weighted * weighted;
      if (id >= 0) {
        this.probeWeights[id] = weighted;
        this.probeIndex[id] = index + 1;
      }
    }
    this.probe = probe;
    this.probeNorm = Math.sqrt(sum);
  }

  /** Cosine of `vector` with the probe, in [0, 1]; 0 when either is empty. */
  cosine(vector: IdVector): number {
    const probeWeights = this.probeWeights;
    let dot = 0;
    let sum = 0;
    for (let index = 0; index < vector.ids.length; index++) {
      const id = vector.ids[index] ?? 0;
      const weighted = (vector.values[index] ?? 0) * this.frequencies.idfOf(id);
      dot += weighted * (probeWeights[id] ?? 0);
      sum += weighted * weighted;
    }
    const norms = this.probeNorm * Math.sqrt(sum);
    return norms === 0 ? 0 : dot / norms;
  }

  /**
   * Written forms (the probe's) of the keys `vector` shares with the probe, by their share of the dot
   * product, largest first, ties by key: why the two belong together.
   */
  getSharedForms(vector: IdVector, limit: number): string[] {
    this.startRanking(limit);
    for (let index = 0; index < vector.ids.length; index++) {
      const id = vector.ids[index] ?? 0;
      const probeWeight = this.probeWeights[id] ?? 0;
      if (probeWeight !== 0)
        this.offer(id, probeWeight * (vector.values[index] ?? 0) * this.frequencies.idfOf(id));
    }
    return this.ranked().map((id) => this.probe?.forms[(this.probeIndex[id] ?? 0) - 1] ?? '');
  }

  /** Ids of the `limit` keys of `vector` with the highest IDF-weighted value, best first, ties by key. */
  getHeaviestIds(vector: IdVector, limit: number): number[] {
    this.startRanking(limit);
    for (let index = 0; index < vector.ids.length; index++) {
      const id = vector.ids[index] ?? 0;
      this.offer(id, (vector.values[index] ?? 0) * this.frequencies.idfOf(id));
    }
    return this.ranked();
  }

  private startRanking(limit: number): void {
    this.topIds.length = 0;
    this.topScores.length = 0;
    this.topLimit = limit;
  }

  private isBefore(id: number, score: number, at: number): boolean {
    const other = this.topScores[at] ?? 0;
    if (score !== other) return score > other;
    return this.frequencies.getKey(id) < this.frequencies.getKey(this.topIds[at] ?? 0);
  }

  private offer(id: number, score: number): void {
    const ids = this.topIds;
    const limit = this.topLimit;
    if (limit <= 0 || (ids.length === limit && !this.isBefore(id, score, limit - 1))) return;
    if (ids.length === limit) {
      ids.pop();
      this.topScores.pop();
    }
    let at = ids.length;
    ids.push(id);
    this.topScores.push(score);
    for (; at > 0 && this.isBefore(id, score, at - 1); at--) {
      ids[at] = ids[at - 1] ?? 0;
      this.topScores[at] = this.topScores[at - 1] ?? 0;
    }
    ids[at] = id;
    this.topScores[at] = score;
  }

  private ranked(): number[] {
    return [...this.topIds];
  }

  private clearProbe(): void {
    for (const id of this.probe?.ids ?? []) {
      if (id < 0) continue;
      this.probeWeights[id] = 0;
      this.probeIndex[id] = 0;
    }
  }
}
