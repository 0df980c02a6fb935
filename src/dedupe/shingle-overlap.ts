/** Direct overlap of two sorted, distinct shingle sets. */
export interface ShingleOverlap {
  /** |A ∩ B| / |A ∪ B|. */
  jaccard: number;
  /** |A ∩ B| / min(|A|, |B|): how much of the shorter text the longer one contains. */
  containment: number;
}

/** Jaccard similarity and containment of two sorted, distinct shingle sets, by one linear merge. */
export function measureOverlap(a: ArrayLike<number>, b: ArrayLike<number>): ShingleOverlap {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) {
      i++;
    } else {
      j++;
    }
  }
  const union = a.length + b.length - shared;
  const smaller = Math.min(a.length, b.length);
  return { jaccard: union === 0 ? 0 : shared / union, containment: smaller === 0 ? 0 : shared / smaller };
}
