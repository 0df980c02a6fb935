/**
 * Clustering metrics as specified in `../shared/data/clustering/README.md`: B-cubed (Bagga &
 * Baldwin 1998) averaged over articles, and pairwise ("standard", Priberam `eval_lib.ScoreSet`)
 * over unordered article pairs.
 */

export interface PrecisionRecall {
  precision: number;
  recall: number;
  f1: number;
}

export interface ClusteringScores {
  bcubed: PrecisionRecall;
  pairwise: PrecisionRecall;
  predictedClusters: number;
  goldClusters: number;
}

function toScores(precision: number, recall: number): PrecisionRecall {
  return {
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
  };
}

function groupBy(labels: Map<string, string>): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const [item, label] of labels) {
    const group = groups.get(label);
    if (group) group.push(item);
    else groups.set(label, [item]);
  }
  return groups;
}

/** Number of unordered pairs among `n` items. */
function countPairs(n: number): number {
  return (n * (n - 1)) / 2;
}

/**
 * Scores a predicted labelling against the gold one; both map item id → cluster label and must
 * cover the same items (an item missing from either is an error, so nothing is silently skipped).
 * 1. Count, for every (predicted, gold) cluster pair, how many items they share.
 * 2. B-cubed: per item, shared / |predicted cluster| and shared / |gold cluster|, averaged.
 * 3. Pairwise: together-in-both pairs over together-in-prediction and together-in-gold pairs.
 */
export function scoreClustering(predicted: Map<string, string>, gold: Map<string, string>): ClusteringScores {
  for (const item of gold.keys())
    if (!predicted.has(item)) throw new Error(`item ${item}: no predicted cluster`);
  for (const item of predicted.keys()) if (!gold.has(item)) throw new Error(`item ${item}: no gold cluster`);
  const predictedGroups = groupBy(predicted);
  const goldGroups = groupBy(gold);
  const overlap = new Map<string, number>();
  for (const [item, label] of predicted) {
    const key = `${label}\u0000${gold.get(item)}`;
    overlap.set(key, (overlap.get(key) ?? 0) + 1);
  }
  let precisionSum = 0;
  let recallSum = 0;
  for (const [item, label] of predicted) {
    const goldLabel = gold.get(item) ?? '';
    const shared = overlap.get(`${label}\u0000${goldLabel}`) ?? 0;
    precisionSum += shared / (predictedGroups.get(label)?.length ?? 1);
    recallSum += shared / (goldGroups.get(goldLabel)?.length ?? 1);
  }
  const items = predicted.size;
  let truePairs = 0;
  for (const shared of overlap.values()) truePairs += countPairs(shared);
  let predictedPairs = 0;
  for (const group of predictedGroups.values()) predictedPairs += countPairs(group.length);
  let goldPairs = 0;
  for (const group of goldGroups.values()) goldPairs += countPairs(group.length);
  return {
    bcubed: items === 0 ? toScores(0, 0) : toScores(precisionSum / items, recallSum / items),
    pairwise: toScores(
      predictedPairs === 0 ? 0 : truePairs / predictedPairs,
      goldPairs === 0 ? 0 : truePairs / goldPairs,
    ),
    predictedClusters: predictedGroups.size,
    goldClusters: goldGroups.size,
  };
}
