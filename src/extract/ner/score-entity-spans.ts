import { ENTITY_LABELS, type EntityLabel, type LabeledSpan } from './tag-scheme.ts';

/** Matched, predicted and gold entity counts per label. */
export type EntityTally = Record<EntityLabel, { matched: number; predicted: number; gold: number }>;

export interface EntityScore {
  precision: number;
  recall: number;
  f1: number;
  matched: number;
  predicted: number;
  gold: number;
}

export function createEntityTally(): EntityTally {
  const tally = {} as EntityTally;
  for (const label of ENTITY_LABELS) tally[label] = { matched: 0, predicted: 0, gold: 0 };
  return tally;
}

/** Counts exact matches (same start, end and label), as conlleval does, into `tally`. */
export function tallyEntitySpans(
  gold: readonly LabeledSpan[],
  predicted: readonly LabeledSpan[],
  tally: EntityTally,
) {
  const keys = new Set(gold.map((span) => `${span.start}:${span.end}:${span.label}`));
  for (const span of gold) tally[span.label].gold++;
  for (const span of predicted) {
    tally[span.label].predicted++;
    if (keys.has(`${span.start}:${span.end}:${span.label}`)) tally[span.label].matched++;
  }
}

/** Precision, recall and F1 (percent) over the given labels pooled (micro average). */
export function scoreEntityTally(tally: EntityTally, labels: readonly EntityLabel[]): EntityScore {
  let matched = 0;
  let predicted = 0;
  let gold = 0;
  for (const label of labels) {
    matched += tally[label].matched;
    predicted += tally[label].predicted;
    gold += tally[label].gold;
  }
  const precision = predicted > 0 ? (100 * matched) / predicted : 0;
  const recall = gold > 0 ? (100 * matched) / gold : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, matched, predicted, gold };
}
