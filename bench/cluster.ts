/**
 * Story clustering benchmark (`npm run bench:cluster`): runs `StoryClusterer` over the clustering
 * sets in `../shared/data/clustering/` and prints B-cubed and pairwise P/R/F1, predicted vs gold
 * clusters and throughput, next to the README's TF-IDF single-pass baseline.
 * Order: by date for allsides_2021 and basil, a seed-0 shuffle for NeuS (as the baseline did).
 * Tuning is done on neus_dev only (`--sets neus_dev`); neus_test, basil and allsides_2021 are reported.
 * Usage: node --import tsx bench/cluster.ts [--sets a,b] [--option name=value ...]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { ClusterArticle } from '../src/cluster/article-features.ts';
import {
  type ClusterOptions,
  DEFAULT_CLUSTER_OPTIONS,
  StoryClusterer,
} from '../src/cluster/story-clusterer.ts';
import { sharedPath } from '../test/support/shared-data.ts';
import { type ClusteringScores, scoreClustering } from './clustering-metrics.ts';
import { createRandom } from './random.ts';

interface Row extends ClusterArticle {
  cluster: string;
}

/** B³ F1 and pairwise F1 of the README's TF-IDF single-pass baseline (t = 0.20), quoted as anchors. */
const BASELINE: Record<string, { bcubedF1: number; pairwiseF1: number; clusters: number }> = {
  neus_dev: { bcubedF1: 0.836, pairwiseF1: 0.657, clusters: 421 },
  neus_test: { bcubedF1: 0.83, pairwiseF1: 0.64, clusters: 371 },
  allsides_2021: { bcubedF1: 0.672, pairwiseF1: 0.251, clusters: 461 },
  basil: { bcubedF1: 0.893, pairwiseF1: 0.705, clusters: 96 },
};

const DEFAULT_SETS = ['neus_dev', 'neus_test', 'basil', 'allsides_2021'];

function readRows(path: string): Row[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, index) => {
      const value = JSON.parse(line) as Partial<Row>;
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
function shuffle<T>(items: T[], seed: number): T[] {
  const random = createRandom(seed);
  const result = [...items];
  for (let index = result.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [result[index], result[other]] = [result[other] as T, result[index] as T];
  }
  return result;
}

/** Date order (stable; undated rows keep their place after dated ones) for dated sets, shuffle for NeuS. */
function orderRows(set: string, rows: Row[]): Row[] {
  if (set.startsWith('neus')) return shuffle(rows, 0);
  return rows
    .map((row, index) => ({
      row,
      index,
      time: row.date === null ? Number.POSITIVE_INFINITY : Date.parse(row.date),
    }))
    .sort((a, b) => a.time - b.time || a.index - b.index)
    .map((entry) => entry.row);
}

function runSet(
  rows: Row[],
  options: Partial<ClusterOptions>,
): { scores: ClusteringScores; perSecond: number } {
  const clusterer = new StoryClusterer(options);
  const started = performance.now();
  for (const row of rows) clusterer.add(row);
  const seconds = (performance.now() - started) / 1000;
  const predicted = new Map<string, string>();
  for (const row of rows) predicted.set(row.id, clusterer.getStoryOf(row.id) ?? row.id);
  const gold = new Map(rows.map((row) => [row.id, row.cluster]));
  return { scores: scoreClustering(predicted, gold), perSecond: rows.length / seconds };
}

function parseOptions(values: string[]): Partial<ClusterOptions> {
  const options: Partial<ClusterOptions> = {};
  for (const value of values) {
    const [name = '', raw = ''] = value.split('=');
    if (!(name in DEFAULT_CLUSTER_OPTIONS)) throw new Error(`--option ${value}: unknown option ${name}`);
    const number = Number(raw);
    if (raw === '' || Number.isNaN(number)) throw new Error(`--option ${value}: not a number`);
    options[name as keyof ClusterOptions] = number;
  }
  return options;
}

function format(value: number): string {
  return value.toFixed(3);
}

function main(): void {
  const { values } = parseArgs({
    options: { sets: { type: 'string' }, option: { type: 'string', multiple: true } },
  });
  const root = sharedPath('data', 'clustering');
  if (root.skip) {
    console.log(`bench:cluster skipped: ${root.skip}`);
    return;
  }
  const options = parseOptions(values.option ?? []);
  const sets = values.sets?.split(',') ?? DEFAULT_SETS;
  console.log(`options: ${JSON.stringify({ ...DEFAULT_CLUSTER_OPTIONS, ...options })}`);
  console.log(
    '| set | B³ P | B³ R | B³ F1 (baseline) | pair P | pair R | pair F1 (baseline) | clusters pred / gold (baseline) | articles/s |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const set of sets) {
    const rows = orderRows(set, readRows(join(root.path, `${set}.jsonl`)));
    const { scores, perSecond } = runSet(rows, options);
    const base = BASELINE[set];
    const { bcubed, pairwise } = scores;
    console.log(
      `| ${set} | ${format(bcubed.precision)} | ${format(bcubed.recall)} | **${format(bcubed.f1)}** (${base ? format(base.bcubedF1) : '–'}) | ` +
        `${format(pairwise.precision)} | ${format(pairwise.recall)} | ${format(pairwise.f1)} (${base ? format(base.pairwiseF1) : '–'}) | ` +
        `${scores.predictedClusters} / ${scores.goldClusters} (${base?.clusters ?? '–'}) | ${Math.round(perSecond)} |`,
    );
  }
}

main();
