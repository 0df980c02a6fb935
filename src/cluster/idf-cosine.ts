import type { DocumentFrequencies } from './document-frequencies.ts';
import type { SparseVector } from './sparse-vector.ts';

/**
 * A sparse vector compiled for scoring: dense key ids from a `DocumentFrequencies` dictionary and
 * the raw (pre-IDF) weights, in the vector's own order, plus its IDF-weighted norm cached for the
 * document count it was computed at.
 */
export interface CompiledVector {
  ids: Int32Array;
  values: Float64Array;
  norm: number;
  /** Document count `norm` is valid for; -1 before it was first computed. */
  normStamp: number;
}

export function compileVector(vector: SparseVector, frequencies: DocumentFrequencies): CompiledVector {
  const ids = new Int32Array(vector.size);
  const values = new Float64Array(vector.size);
  let index = 0;
  for (const [key, value] of vector) {
    ids[index] = frequencies.getId(key);
    values[index] = value;
    index++;
  }
  return { ids, values, norm: 0, normStamp: -1 };
}

/**
 * IDF-weighted cosine of compiled vectors, the same arithmetic in the same order as `reweight` then
 * `cosineSimilarity` on maps (so scores are bit-identical), without building weighted maps.
 * 1. Norms: the sum of squared weighted values in vector order, cached per document count.
 * 2. Dot product: the first vector (the probe, scored against many candidates in a row) has its
 *    weighted values scattered by key id once per document count. The smaller vector is walked in
 *    its order, as `dotProduct` does; when that is the probe, the candidate's weighted values at
 *    the probe's keys are first gathered into a second scratch array, cleared afterwards.
 */
export class IdfCosine {
  private readonly frequencies: DocumentFrequencies;
  /** The probe's weighted values by key id (zero elsewhere), valid for `probe` at `probeStamp`. */
  private probeWeights = new Float64Array(0);
  private probe: CompiledVector | undefined;
  private probeStamp = -1;
  /** A candidate's weighted values at the probe's keys; all zero between calls. */
  private matched = new Float64Array(0);

  constructor(frequencies: DocumentFrequencies) {
    this.frequencies = frequencies;
  }

  getNorm(vector: CompiledVector): number {
    const stamp = this.frequencies.documentCount;
    if (vector.normStamp === stamp) return vector.norm;
    let sum = 0;
    for (let index = 0; index < vector.ids.length; index++) {
      const weighted = (vector.values[index] ?? 0) * this.frequencies.idfOf(vector.ids[index] ?? 0);
      sum += weighted * weighted;
    }
    vector.norm = Math.sqrt(sum);
    vector.normStamp = stamp;
    return vector.norm;
  }

  /**
   * The `limit` keys with the highest IDF-weighted value, best first, ties by key: what `getTopKeys`
   * gives on the weighted map, found by insertion into a short sorted list instead of a full sort.
   */
  getHeaviestKeys(vector: CompiledVector, limit: number): string[] {
    if (limit <= 0) return [];
    const ids: number[] = [];
    const scores: number[] = [];
    const isBefore = (score: number, id: number, at: number): boolean => {
      const other = scores[at] ?? 0;
      if (score !== other) return score > other;
      return this.frequencies.getKey(id) < this.frequencies.getKey(ids[at] ?? 0);
    };
    for (let index = 0; index < vector.ids.length; index++) {
      const id = vector.ids[index] ?? 0;
      const score = (vector.values[index] ?? 0) * this.frequencies.idfOf(id);
      if (ids.length === limit && !isBefore(score, id, limit - 1)) continue;
      let at = Math.min(ids.length, limit - 1);
      while (at > 0 && isBefore(score, id, at - 1)) at--;
      if (ids.length === limit) {
        ids.pop();
        scores.pop();
      }
      ids.splice(at, 0, id);
      scores.splice(at, 0, score);
    }
    return ids.map((id) => this.frequencies.getKey(id));
  }

  /** Cosine in [0, 1]; 0 when either vector is empty. */
  cosine(a: CompiledVector, b: CompiledVector): number {
    const norms = this.getNorm(a) * this.getNorm(b);
    return norms === 0 ? 0 : this.dotProduct(a, b) / norms;
  }

  private setProbe(probe: CompiledVector): void {
    const stamp = this.frequencies.documentCount;
    if (this.probe === probe && this.probeStamp === stamp) return;
    for (const id of this.probe?.ids ?? []) this.probeWeights[id] = 0;
    if (this.probeWeights.length < this.frequencies.size) {
      this.probeWeights = new Float64Array(Math.max(this.frequencies.size, 2 * this.probeWeights.length));
    }
    for (let index = 0; index < probe.ids.length; index++) {
      const id = probe.ids[index] ?? 0;
      this.probeWeights[id] = (probe.values[index] ?? 0) * this.frequencies.idfOf(id);
    }
    this.probe = probe;
    this.probeStamp = stamp;
  }

  /** Keys absent from one side read 0 and add +0, which leaves the sum exactly as skipping them would. */
  private dotProduct(a: CompiledVector, b: CompiledVector): number {
    this.setProbe(a);
    const probeWeights = this.probeWeights;
    let sum = 0;
    if (a.ids.length > b.ids.length) {
      for (let index = 0; index < b.ids.length; index++) {
        const id = b.ids[index] ?? 0;
        sum += (b.values[index] ?? 0) * this.frequencies.idfOf(id) * (probeWeights[id] ?? 0);
      }
      return sum;
    }
    if (this.matched.length < this.frequencies.size) {
      this.matched = new Float64Array(Math.max(this.frequencies.size, 2 * this.matched.length));
    }
    const matched = this.matched;
    for (let index = 0; index < b.ids.length; index++) {
      const id = b.ids[index] ?? 0;
      if ((probeWeights[id] ?? 0) !== 0) matched[id] = (b.values[index] ?? 0) * this.frequencies.idfOf(id);
    }
    for (const id of a.ids) {
      sum += (probeWeights[id] ?? 0) * (matched[id] ?? 0);
      matched[id] = 0;
    }
    return sum;
  }
}
