import { readFileSync } from 'node:fs';
import type { ClusterArticle } from '../src/cluster/article-features.ts';
import { createRandom } from './random.ts';

/** One line of a `../shared/data/clustering` set: the clusterer's input plus the gold story. */
export interface ClusteringRow extends ClusterArticle {
  cluster: string;
}

/** B³ F1, pairwise F1 and cluster count of the README's TF-IDF single-pass baseline (t = 0.20), quoted as anchors. */
export const CLUSTERING_BASELINES: Record<
  string,
  { bcubedF1: number; pairwiseF1: number; clusters: number }
> = {
  neus_dev: { bcubedF1: 0.836, pairwiseF1: 0.657, clusters: 421 },
  neus_test: { bcubedF1: 0.83, pairwiseF1: 0.64, clusters: 371 },
  allsides_2021: { bcubedF1: 0.672, pairwiseF1: 0.251, clusters: 461 },
  basil: { bcubedF1: 0.893, pairwiseF1: 0.705, clusters: 96 },
};

export function readClusteringRows(path: string): ClusteringRow[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, index) => {
      const value = JSON.parse(line) as Partial<ClusteringRow>;
      if (typeof value.id !== 'string' || typeof value.cluster !== 'string')
        throw new Error(`${path}:${index + 1}: missing id or cluster`);
      return {
        id: value.id,
        title: value.title ?? '',
        text: value.text ?? '',
        date: value.date ?? null,
        cluster: value.cluster,
      };
    });
}

/** Fisher–Yates with the seeded generator, so every run sees the same order. */
export function shuffleRows<T>(items: T[], seed: number): T[] {
  const random = createRandom(seed);
  const result = [...items];
  for (let index = result.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [result[index], result[other]] = [result[other] as T, result[index] as T];
  }
  return result;
}

/**
 * The arrival order the README's baseline used: by date for the dated sets (stable; undated rows
 * after dated ones), a shuffle with `seed` (0 for the reported numbers) for the nearly undated NeuS.
 * A shuffle has no time order, so NeuS's few dates (13% of rows, 2012–2021) are dropped: they would
 * send the stream years back and forth and retire stories no later article could reach.
 */
export function orderClusteringRows(set: string, rows: ClusteringRow[], seed = 0): ClusteringRow[] {
  if (set.startsWith('neus')) return shuffleRows(rows, seed).map((row) => ({ ...row, date: null }));
  return rows
    .map((row, index) => ({
      row,
      index,
      time: row.date === null ? Number.POSITIVE_INFINITY : Date.parse(row.date),
    }))
    .sort((a, b) => a.time - b.time || a.index - b.index)
    .map((entry) => entry.row);
}
