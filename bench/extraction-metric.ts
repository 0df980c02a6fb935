/**
 * The article-body metric of the Scrapinghub/Zyte extraction benchmark, as specified in
 * `../shared/data/extraction/README.md` (upstream `evaluate.py`): token 4-gram shingles, per-page
 * counts normalised to sum 1, precision and recall macro-averaged over pages, F1 from the two means.
 */

/** Python 3 `re.findall(r'\w+', s)` on `str`: letters, numbers and underscore, no combining marks. */
const TOKEN_PATTERN = /[\p{L}\p{N}_]+/gu;

/** Shingle length; `ngram_n = 4` upstream. */
const SHINGLE_SIZE = 4;

export interface PageCounts {
  tp: number;
  fp: number;
  fn: number;
}

export interface MetricSummary {
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
  pages: number;
}

export function tokenizeForMetric(text: string): string[] {
  return text.match(TOKEN_PATTERN) ?? [];
}

/**
 * Multiset of token shingles.
 * 1. Tokenize.
 * 2. Slide a window of SHINGLE_SIZE tokens; a text shorter than that yields one shorter shingle,
 *    an empty text none (upstream iterates `range(max(1, len - n + 1))` and skips empty slices).
 */
export function countShingles(text: string): Map<string, number> {
  const tokens = tokenizeForMetric(text);
  const counts = new Map<string, number>();
  const starts = Math.max(1, tokens.length - SHINGLE_SIZE + 1);
  for (let i = 0; i < starts; i++) {
    const shingle = tokens.slice(i, i + SHINGLE_SIZE);
    if (shingle.length === 0) continue;
    const key = shingle.join('\u0000');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Per-page true/false positives and false negatives over shingles, normalised to sum 1. */
export function scorePage(truth: string, prediction: string): PageCounts {
  const truthCounts = countShingles(truth);
  const predictionCounts = countShingles(prediction);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const key of new Set([...truthCounts.keys(), ...predictionCounts.keys()])) {
    const inTruth = truthCounts.get(key) ?? 0;
    const inPrediction = predictionCounts.get(key) ?? 0;
    tp += Math.min(inTruth, inPrediction);
    fp += Math.max(0, inPrediction - inTruth);
    fn += Math.max(0, inTruth - inPrediction);
  }
  const sum = tp + fp + fn;
  return sum > 0 ? { tp: tp / sum, fp: fp / sum, fn: fn / sum } : { tp: 0, fp: 0, fn: 0 };
}

export function computePagePrecision({ tp, fp, fn }: PageCounts): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fp === 0) return 0;
  return tp / (tp + fp);
}

export function computePageRecall({ tp, fp, fn }: PageCounts): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fn === 0) return 0;
  return tp / (tp + fn);
}

function computeMean(values: number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
}

/**
 * Aggregates over pages.
 * 1. Precision: mean over pages with a non-empty prediction (`tp + fp > 0`).
 * 2. Recall: mean over pages with a non-empty truth (`tp + fn > 0`).
 * 3. F1 from those two means (not the mean of per-page F1).
 * 4. Accuracy: share of pages whose token lists are identical.
 */
export function summarizeScores(pages: { truth: string; prediction: string }[]): MetricSummary {
  const counts = pages.map(({ truth, prediction }) => scorePage(truth, prediction));
  const precision = computeMean(counts.filter((c) => c.tp + c.fp > 0).map(computePagePrecision));
  const recall = computeMean(counts.filter((c) => c.tp + c.fn > 0).map(computePageRecall));
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  const exact = pages.filter(({ truth, prediction }) => {
    const a = tokenizeForMetric(truth);
    const b = tokenizeForMetric(prediction);
    return a.length === b.length && a.every((token, i) => token === b[i]);
  }).length;
  return {
    precision,
    recall,
    f1,
    accuracy: pages.length === 0 ? 0 : exact / pages.length,
    pages: pages.length,
  };
}
