import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { type ArticleFeatures, extractFeatures } from '../src/cluster/article-features.ts';
import {
  type Assignment,
  type ClusterOptions,
  DEFAULT_CLUSTER_OPTIONS,
  resolveClusterOptions,
  StoryClusterer,
} from '../src/cluster/story-clusterer.ts';
import { sharedPath } from '../test/support/shared-data.ts';
import { type ClusteringScores, scoreClustering } from './clustering-metrics.ts';
import {
  CLUSTERING_BASELINES as BASELINE,
  type ClusteringRow,
  orderClusteringRows as orderRows,
  readClusteringRows as readRows,
  shuffleRows as shuffle,
} from './clustering-sets.ts';
import { createRandom } from './random.ts';

type Row = ClusteringRow;

const DEFAULT_SETS = ['neus_dev', 'neus_test', 'basil', 'allsides_2021'];
const BLOCK = 1000;
const DAY_MS = 86_400_000;

/**
 * A dated stream made from undated stories: stories in a seeded random order, 50 a day, each
 * article at its story's day plus up to 36 hours, sorted by time. Gives the time window work to do.
 */
function dateStories(rows: Row[], seed: number): Row[] {
  const random = createRandom(seed);
  const stories = shuffle([...new Set(rows.map((row) => row.cluster))], seed);
  const day = new Map(stories.map((story, index) => [story, Math.floor(index / 50)]));
  const start = Date.parse('2020-01-01T00:00:00Z');
  return rows
    .map((row) => ({
      row,
      time: start + (day.get(row.cluster) ?? 0) * DAY_MS + Math.floor(random() * 36 * 3_600_000),
    }))
    .sort((a, b) => a.time - b.time)
    .map(({ row, time }) => ({ ...row, date: new Date(time).toISOString() }));
}

/** The final story of each article, following the merges reported in the assignments. */
function labelArticles(rows: Row[], assignments: Assignment[]): Map<string, string> {
  const into = new Map<string, string>();
  for (const assignment of assignments)
    for (const merge of assignment.merged ?? []) into.set(merge.story, assignment.story);
  const resolve = (story: string): string => {
    let current = story;
    for (let next = into.get(current); next !== undefined; next = into.get(current)) current = next;
    return current;
  };
  return new Map(rows.map((row, index) => [row.id, resolve(assignments[index]?.story ?? row.id)]));
}

/**
 * CPU seconds this process has used (all its threads, so garbage collection counts). Other work on
 * the shared machine inflates wall-clock time far more than CPU time.
 */
function getCpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

interface Run {
  assignments: Assignment[];
  /** CPU seconds per block of `BLOCK` articles. */
  blocks: number[];
  /** Work per block: postings read, candidates scored, centroid entries walked (deterministic). */
  work: { postings: number; candidates: number; entries: number }[];
  seconds: number;
  clusterer: StoryClusterer;
}

/** Feeds `rows` in order, through `add` or (with `features`) `addFeatures`, timing each block. */
function runOnce(rows: Row[], options: ClusterOptions, features?: ArticleFeatures[]): Run {
  const clusterer = new StoryClusterer(options);
  const assignments: Assignment[] = [];
  const blocks: number[] = [];
  const work: Run['work'] = [];
  let last = clusterer.getStats();
  let blockStart = getCpuSeconds();
  const started = blockStart;
  rows.forEach((row, index) => {
    const precomputed = features?.[index];
    assignments.push(precomputed ? clusterer.addFeatures(row.id, precomputed) : clusterer.add(row));
    if ((index + 1) % BLOCK === 0) {
      const now = getCpuSeconds();
      blocks.push(now - blockStart);
      const stats = clusterer.getStats();
      work.push({
        postings: stats.postingsRead - last.postingsRead,
        candidates: stats.candidatesScored - last.candidatesScored,
        entries: stats.entriesScored - last.entriesScored,
      });
      last = stats;
      blockStart = getCpuSeconds();
    }
  });
  return { assignments, blocks, work, seconds: getCpuSeconds() - started, clusterer };
}

/**
 * The best of `repeats` runs (same assignments each time), per block and overall: the machine is
 * shared, and the fastest run is the one least disturbed by other work.
 */
function runStream(rows: Row[], options: ClusterOptions, repeats: number, features?: ArticleFeatures[]): Run {
  const runs = Array.from({ length: repeats }, () => runOnce(rows, options, features));
  const first = runs[0] as Run;
  return {
    ...first,
    blocks: first.blocks.map((_, index) => Math.min(...runs.map((run) => run.blocks[index] ?? 0))),
    seconds: Math.min(...runs.map((run) => run.seconds)),
  };
}

function scoreRun(rows: Row[], run: Run): ClusteringScores {
  const gold = new Map(rows.map((row) => [row.id, row.cluster]));
  return scoreClustering(labelArticles(rows, run.assignments), gold);
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

function printSets(
  root: string,
  sets: string[],
  options: ClusterOptions,
  seed: number,
  repeats: number,
): void {
  console.log(
    '| set | B³ P | B³ R | B³ F1 (baseline) | pair P | pair R | pair F1 (baseline) | clusters pred / gold (baseline) | add art/s | addFeatures art/s |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const set of sets) {
    const rows = orderRows(set, readRows(join(root, `${set}.jsonl`)), seed);
    const whole = runStream(rows, options, repeats);
    const features = rows.map((row) => extractFeatures(row, options));
    const split = runStream(rows, options, repeats, features);
    const scores = scoreRun(rows, whole);
    const base = BASELINE[set];
    const { bcubed, pairwise } = scores;
    console.log(
      `| ${set} | ${format(bcubed.precision)} | ${format(bcubed.recall)} | **${format(bcubed.f1)}** (${base ? format(base.bcubedF1) : '–'}) | ` +
        `${format(pairwise.precision)} | ${format(pairwise.recall)} | ${format(pairwise.f1)} (${base ? format(base.pairwiseF1) : '–'}) | ` +
        `${scores.predictedClusters} / ${scores.goldClusters} (${base?.clusters ?? '–'}) | ` +
        `${Math.round(rows.length / whole.seconds)} | ${Math.round(rows.length / split.seconds)} |`,
    );
  }
}

/** Per-block throughput and work of `addFeatures` on a long stream, and what the clusterer holds at its end. */
function printStream(name: string, rows: Row[], options: ClusterOptions, repeats: number): void {
  const features = rows.map((row) => extractFeatures(row, options));
  const run = runStream(rows, options, repeats, features);
  const scores = scoreRun(rows, run);
  const stats = run.clusterer.getStats();
  const perArticle = (value: number) => Math.round(value / BLOCK);
  console.log(
    `${name}: ${rows.length} articles; B³ F1 ${format(scores.bcubed.f1)} (P ${format(scores.bcubed.precision)}, ` +
      `R ${format(scores.bcubed.recall)}); at the end ${stats.liveStories} live stories, ${stats.postings} postings, ` +
      `${stats.termKeys} term and ${stats.entityKeys} name keys, ` +
      `${Math.round(JSON.stringify(run.clusterer.toState()).length / 1024)} kB of state`,
  );
  console.log(
    `| block of ${BLOCK} | addFeatures art/s | postings read / article | candidates / article | centroid terms scored / article |`,
  );
  console.log('|---|---|---|---|---|');
  run.blocks.forEach((seconds, index) => {
    const work = run.work[index] ?? { postings: 0, candidates: 0, entries: 0 };
    console.log(
      `| ${index + 1} | ${Math.round(BLOCK / seconds)} | ${perArticle(work.postings)} | ` +
        `${perArticle(work.candidates)} | ${perArticle(work.entries)} |`,
    );
  });
}

function main(): void {
  const { values } = parseArgs({
    options: {
      sets: { type: 'string' },
      seed: { type: 'string' },
      repeats: { type: 'string' },
      option: { type: 'string', multiple: true },
      'no-streams': { type: 'boolean' },
    },
  });
  const root = sharedPath('data', 'clustering');
  if (root.skip) {
    console.log(`bench:cluster skipped: ${root.skip}`);
    return;
  }
  const options = resolveClusterOptions(parseOptions(values.option ?? []));
  const seed = Number(values.seed ?? 0);
  const repeats = Number(values.repeats ?? 3);
  console.log(`options: ${JSON.stringify(options)}`);
  printSets(root.path, values.sets?.split(',') ?? DEFAULT_SETS, options, seed, repeats);
  if (values['no-streams']) return;
  const train = readRows(join(root.path, 'neus_train.jsonl'));
  printStream('neus_train, undated, seed-0 shuffle', orderRows('neus_train', train, 0), options, repeats);
  printStream('neus_train, dated (50 stories a day, seed 0)', dateStories(train, 0), options, repeats);
}

main();
