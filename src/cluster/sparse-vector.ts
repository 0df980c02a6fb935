/** A sparse vector: key → weight. Keys absent are zero. */
export type SparseVector = Map<string, number>;

export function dotProduct(a: SparseVector, b: SparseVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [key, value] of small) {
    const other = large.get(key);
    if (other !== undefined) sum += value * other;
  }
  return sum;
}

export function getNorm(vector: SparseVector): number {
  let sum = 0;
  for (const value of vector.values()) sum += value * value;
  return Math.sqrt(sum);
}

/** Cosine similarity in [0, 1] for non-negative vectors; 0 when either is empty. */
export function cosineSimilarity(a: SparseVector, b: SparseVector): number {
  const norms = getNorm(a) * getNorm(b);
  return norms === 0 ? 0 : dotProduct(a, b) / norms;
}

/** Adds `scale * source` into `target` in place. */
export function addScaled(target: SparseVector, source: SparseVector, scale = 1): void {
  for (const [key, value] of source) target.set(key, (target.get(key) ?? 0) + scale * value);
}

/** Multiplies each weight by `weightOf(key)` into a new vector. */
export function reweight(vector: SparseVector, weightOf: (key: string) => number): SparseVector {
  const result: SparseVector = new Map();
  for (const [key, value] of vector) result.set(key, value * weightOf(key));
  return result;
}

/** The `limit` keys with the highest `score(key, value)`, best first (ties by key, for stable output). */
export function getTopKeys(
  vector: SparseVector,
  limit: number,
  score: (key: string, value: number) => number = (_key, value) => value,
): string[] {
  return [...vector]
    .map(([key, value]) => ({ key, score: score(key, value) }))
    .sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .slice(0, limit)
    .map((entry) => entry.key);
}

/**
 * Keeps only the `limit` heaviest entries, in place (bounds a centroid's size): the same entries as
 * `getTopKeys(vector, limit)` (ties at the cut by key), found without sorting entry objects.
 * 1. Sort a copy of the weights as numbers; the `limit`-th largest is the cut.
 * 2. Keep every entry above the cut, and of those at the cut as many as fit, smallest key first.
 */
export function truncateVector(vector: SparseVector, limit: number): void {
  if (vector.size <= limit) return;
  const weights = Float64Array.from(vector.values()).sort();
  const cut = limit > 0 ? (weights[weights.length - limit] ?? 0) : Number.POSITIVE_INFINITY;
  let above = 0;
  const atCut: string[] = [];
  for (const [key, value] of vector) {
    if (value > cut) above++;
    else if (value === cut) atCut.push(key);
  }
  const keepAtCut = new Set(atCut.sort().slice(0, limit - above));
  for (const [key, value] of vector)
    if (value < cut || (value === cut && !keepAtCut.has(key))) vector.delete(key);
}
