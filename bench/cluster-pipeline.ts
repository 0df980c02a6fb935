/**
 * Clustering through the whole pipeline (`npm run bench:cluster-pipeline`): what `dossier cluster
 * --input --output` gives on the sets in `../shared/data/clustering/`, i.e. cleaning, dedupe and
 * clustering in a temporary store, scored with B³ and pairwise P/R/F1 next to the README baseline.
 * `bench:cluster` measures the clusterer alone; the two differ where cleaning changes a text or a
 * copy is routed by dedupe. Same orders: by date for the dated sets, a seed-0 shuffle for NeuS.
 * Usage: node --import tsx bench/cluster-pipeline.ts [--sets a,b] [--workers n]
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { clusterRecords } from '../src/service/cluster-records.ts';
import { DEFAULT_WORKERS } from '../src/service/ingest-defaults.ts';
import { sharedPath } from '../test/support/shared-data.ts';
import { scoreClustering } from './clustering-metrics.ts';
import { CLUSTERING_BASELINES, orderClusteringRows, readClusteringRows } from './clustering-sets.ts';

const DEFAULT_SETS = ['neus_dev', 'neus_test', 'basil', 'allsides_2021'];

function format(value: number): string {
  return value.toFixed(3);
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { sets: { type: 'string' }, workers: { type: 'string' } } });
  const root = sharedPath('data', 'clustering');
  if (root.skip) {
    console.log(`bench:cluster-pipeline skipped: ${root.skip}`);
    return;
  }
  const workers = values.workers === undefined ? DEFAULT_WORKERS : Number(values.workers);
  const scratch = mkdtempSync(join(tmpdir(), 'dossier-bench-cluster-'));
  try {
    console.log(`dossier cluster (the ingest pipeline in a temporary store), workers: ${workers}`);
    console.log(
      '| set | B³ P | B³ R | B³ F1 (baseline) | pair P | pair R | pair F1 (baseline) | clusters pred / gold | not clustered | articles/s (whole pipeline) |',
    );
    console.log('|---|---|---|---|---|---|---|---|---|---|');
    for (const set of values.sets?.split(',') ?? DEFAULT_SETS) {
      const rows = orderClusteringRows(set, readClusteringRows(join(root.path, `${set}.jsonl`)));
      const input = join(scratch, `${set}.jsonl`);
      const output = join(scratch, `${set}.out.jsonl`);
      writeFileSync(
        input,
        rows.map(({ id, title, text, date }) => JSON.stringify({ id, title, text, date })).join('\n'),
      );
      const started = performance.now();
      const report = await clusterRecords(input, output, { workers });
      const seconds = (performance.now() - started) / 1000;
      const predicted = new Map<string, string>();
      for (const line of readFileSync(output, 'utf8').trim().split('\n')) {
        const record = JSON.parse(line) as { id: string; story: string | null };
        // An article the pipeline rejected counts as a story of its own.
        predicted.set(record.id, record.story ?? `rejected:${record.id}`);
      }
      const scores = scoreClustering(predicted, new Map(rows.map((row) => [row.id, row.cluster])));
      const base = CLUSTERING_BASELINES[set];
      const { bcubed, pairwise } = scores;
      console.log(
        `| ${set} | ${format(bcubed.precision)} | ${format(bcubed.recall)} | **${format(bcubed.f1)}** (${base ? format(base.bcubedF1) : '–'}) | ` +
          `${format(pairwise.precision)} | ${format(pairwise.recall)} | ${format(pairwise.f1)} (${base ? format(base.pairwiseF1) : '–'}) | ` +
          `${scores.predictedClusters} / ${scores.goldClusters} | ${report.rejected} | ${Math.round(rows.length / seconds)} |`,
      );
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

await main();
