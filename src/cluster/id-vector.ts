import type { SparseVector } from './article-features.ts';
import type { DocumentFrequencies } from './document-frequencies.ts';

/**
 * A sparse vector over a `DocumentFrequencies` dictionary: key ids, raw (pre-IDF) weights and the
 * written form of each key, in parallel and in a fixed order (sums run in that order, so results
 * do not depend on how ids were numbered).
 */
export interface IdVector {
  ids: Int32Array;
  values: Float64Array;
  forms: string[];
}

export const EMPTY_VECTOR: IdVector = { ids: new Int32Array(0), values: new Float64Array(0), forms: [] };

/**
 * Ids for a key map. With `register`, unseen keys get ids (the article is being added); without,
 * they map to -1, which `DocumentFrequencies.idfOf` reads as a key never seen (only scoring).
 */
export function toIdVector(
  vector: SparseVector,
  forms: Map<string, string>,
  dictionary: DocumentFrequencies,
  register: boolean,
): IdVector {
  const ids = new Int32Array(vector.size);
  const values = new Float64Array(vector.size);
  const formList: string[] = [];
  let index = 0;
  for (const [key, value] of vector) {
    ids[index] = register ? dictionary.getId(key) : dictionary.findId(key);
    values[index] = value;
    formList.push(forms.get(key) ?? key);
    index++;
  }
  return { ids, values, forms: formList };
}

/** Euclidean norm of the raw weights. */
export function getRawNorm(vector: IdVector): number {
  let sum = 0;
  for (const value of vector.values) sum += value * value;
  return Math.sqrt(sum);
}

/**
 * Keeps the `limit` heaviest raw weights, ties at the cut by key (so the result does not depend on
 * arrival order or id numbering), in the vector's order.
 */
function truncate(vector: IdVector, limit: number, dictionary: DocumentFrequencies): IdVector {
  const length = vector.ids.length;
  if (length <= limit) return vector;
  const sorted = Float64Array.from(vector.values).sort();
  const cut = limit > 0 ? (sorted[length - limit] ?? 0) : Number.POSITIVE_INFINITY;
  let above = 0;
  const atCut: number[] = [];
  for (let index = 0; index < length; index++) {
    const value = vector.values[index] ?? 0;
    if (value > cut) above++;
    else if (value === cut) atCut.push(index);
  }
  const keepAtCut = new Set(
    atCut
      .map((index) => ({ index, key: dictionary.getKey(vector.ids[index] ?? 0) }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
      .slice(0, limit - above)
      .map((entry) => entry.index),
  );
  const ids = new Int32Array(limit);
  const values = new Float64Array(limit);
  const forms: string[] = [];
  let kept = 0;
  for (let index = 0; index < length; index++) {
    const value = vector.values[index] ?? 0;
    if (value > cut || (value === cut && keepAtCut.has(index))) {
      ids[kept] = vector.ids[index] ?? 0;
      values[kept] = value;
      forms.push(vector.forms[index] ?? '');
      kept++;
    }
  }
  return { ids, values, forms };
}

/**
 * Sums of id vectors, reusing one scratch array (position of each id in the sum) across calls.
 * Reset after every call, so it holds nothing between calls.
 */
export class VectorSummer {
  private readonly dictionary: DocumentFrequencies;
  private positions = new Int32Array(1024);

  constructor(dictionary: DocumentFrequencies) {
    this.dictionary = dictionary;
  }

  /**
   * `a + scale * b`, cut to the `limit` heaviest entries: `a`'s keys first in their order, then
   * `b`'s new keys in theirs. A key keeps `a`'s written form when it has one. Also gives the dot
   * product `a · scale * b`, which the sum's norm before the cut needs.
   */
  add(a: IdVector, b: IdVector, scale: number, limit: number): { sum: IdVector; dot: number } {
    if (this.positions.length < this.dictionary.size) {
      this.positions = new Int32Array(Math.max(this.dictionary.size, 2 * this.positions.length));
    }
    const positions = this.positions;
    const ids = new Int32Array(a.ids.length + b.ids.length);
    const values = new Float64Array(ids.length);
    const forms = [...a.forms];
    ids.set(a.ids);
    values.set(a.values);
    let length = a.ids.length;
    let dot = 0;
    for (let index = 0; index < length; index++) positions[ids[index] ?? 0] = index + 1;
    for (let index = 0; index < b.ids.length; index++) {
      const id = b.ids[index] ?? 0;
      const value = scale * (b.values[index] ?? 0);
      const at = positions[id] ?? 0;
      if (at > 0) {
        dot += (values[at - 1] ?? 0) * value;
        values[at - 1] = (values[at - 1] ?? 0) + value;
      } else {
        ids[length] = id;
        values[length] = value;
        forms.push(b.forms[index] ?? '');
        positions[id] = ++length;
      }
    }
    for (let index = 0; index < length; index++) positions[ids[index] ?? 0] = 0;
    const sum = { ids: ids.subarray(0, length), values: values.subarray(0, length), forms };
    return { sum: truncate(sum, limit, this.dictionary), dot };
  }
}
