/**
 * Article-body extraction benchmark (Scrapinghub/Zyte, 181 pages in ../shared/data/extraction).
 *
 * Scores plain Readability on linkedom and Dossier's extraction in the same run, each in its own
 * child process so that peak RSS is the extractor's own: precision, recall, F1, exact-match
 * accuracy (bench/extraction-metric.ts), pages per second and peak RSS. Pages are gunzipped and
 * decoded before timing starts. The extractors take turns over `--rounds` rounds (R, D, R, D ...)
 * and pages/s is the median over all their timed passes, so a change in machine load (other jobs
 * on a shared machine) does not fall on one extractor only.
 *
 * Usage: npm run bench:extract [-- --passes 3 --rounds 2] [-- --dump /tmp/extraction-pages.json]
 */
import { fork } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { toExtractRecord } from '../src/cli/extract-record.ts';
import { extractHtml } from '../src/ingest/html/extract-html.ts';
import type { RawDocument } from '../src/model/raw-document.ts';
import { prepareArticle } from '../src/service/prepare-article.ts';
import { sharedPath } from '../test/support/shared-data.ts';
import {
  computePagePrecision,
  computePageRecall,
  type MetricSummary,
  scorePage,
  summarizeScores,
} from './extraction-metric.ts';

/**
 * What `dossier extract page.html` prints as `text`: main-content extraction, then the text cleaner,
 * through the same `prepareArticle` and record renderer (the page is already decoded here, so the
 * reader's byte decoding is the only step not timed).
 */
function extractWithDossier(html: string): string {
  const document: RawDocument = {
    id: 'page.html',
    format: 'html',
    content: html,
    provided: {},
    source: {
      kind: 'html',
      location: 'page.html',
      charset: 'utf-8',
      charsetOrigin: 'declared',
      byteLength: html.length,
    },
  };
  const prepared = prepareArticle(document);
  return prepared.ok ? toExtractRecord('page', prepared.article).text : '';
}

/** Main-content extraction alone, without the text cleaner, to show what each layer adds. */
function extractHtmlOnly(html: string): string {
  return extractHtml(html).text;
}

/** The baseline: Readability's own `textContent` over a linkedom DOM, nothing else. */
function extractWithReadability(html: string): string {
  const { document } = parseHTML(html);
  return new Readability(document as never).parse()?.textContent ?? '';
}

const EXTRACTORS = {
  readability: { label: 'Readability 0.6 + linkedom (textContent)', extract: extractWithReadability },
  'html-only': { label: 'Dossier extractHtml only (no text cleaning)', extract: extractHtmlOnly },
  dossier: { label: 'Dossier (dossier extract: extraction + cleaning)', extract: extractWithDossier },
} as const;

type ExtractorName = keyof typeof EXTRACTORS;

/** Published scores from the benchmark's README (upstream evaluate.py, 181 pages). */
const PUBLISHED_ANCHORS = [
  { name: 'rs_trafilatura 9261e08', f1: 0.97, precision: 0.951, recall: 0.99, accuracy: 0.287 },
  { name: 'AutoExtract (Nov 2019)', f1: 0.97, precision: 0.984, recall: 0.956, accuracy: 0.47 },
  { name: 'trafilatura 2.0.0', f1: 0.958, precision: 0.938, recall: 0.978, accuracy: 0.293 },
  { name: 'readability_js 0.6.0 (jsdom)', f1: 0.947, precision: 0.914, recall: 0.982, accuracy: 0.166 },
];

interface WorkerResult {
  outputs: string[];
  passSeconds: number[];
  peakRssBytes: number;
}

interface BenchmarkPage {
  id: string;
  truth: string;
  html: string;
}

function loadPages(root: string): BenchmarkPage[] {
  const truth = JSON.parse(readFileSync(join(root, 'ground-truth.json'), 'utf8')) as Record<
    string,
    { articleBody: string }
  >;
  const files = new Set(readdirSync(join(root, 'html')));
  return Object.keys(truth)
    .sort()
    .map((id) => {
      const file = `${id}.html.gz`;
      if (!files.has(file)) throw new Error(`extraction benchmark: ${file} is missing from ${root}/html`);
      return {
        id,
        truth: truth[id]!.articleBody,
        html: gunzipSync(readFileSync(join(root, 'html', file))).toString('utf8'),
      };
    });
}

/** Child process: extract every page `passes` times; report the first pass's outputs and all timings. */
function runWorker(name: ExtractorName, root: string, passes: number): void {
  const pages = loadPages(root);
  const { extract } = EXTRACTORS[name];
  const passSeconds: number[] = [];
  let outputs: string[] = [];
  for (let pass = 0; pass < passes; pass++) {
    const started = performance.now();
    const texts = pages.map((page) => extract(page.html));
    passSeconds.push((performance.now() - started) / 1000);
    if (pass === 0) outputs = texts;
  }
  const result: WorkerResult = { outputs, passSeconds, peakRssBytes: process.resourceUsage().maxRSS * 1024 };
  process.send?.(result, () => process.exit(0));
}

function runInChild(name: ExtractorName, root: string, passes: number): Promise<WorkerResult> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), ['--worker', name, '--passes', String(passes)], {
      execArgv: ['--import', 'tsx'],
      env: { ...process.env, BENCH_EXTRACTION_ROOT: root },
    });
    let result: WorkerResult | undefined;
    child.on('message', (message) => {
      result = message as WorkerResult;
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      result
        ? resolve(result)
        : reject(new Error(`extraction benchmark: ${name} worker exited with code ${code}`)),
    );
  });
}

function computeMedian(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function formatRow(cells: string[], widths: number[]): string {
  return cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
}

async function runBenchmark(): Promise<void> {
  const { values } = parseArgs({
    options: {
      passes: { type: 'string', default: '3' },
      rounds: { type: 'string', default: '2' },
      dump: { type: 'string' },
    },
  });
  const passes = Math.max(1, Number.parseInt(values.passes ?? '3', 10) || 3);
  const rounds = Math.max(1, Number.parseInt(values.rounds ?? '2', 10) || 2);
  const shared = sharedPath('data', 'extraction');
  if (shared.skip) {
    console.log(`bench:extract skipped: ${shared.skip}`);
    return;
  }
  const pages = loadPages(shared.path);
  console.log(
    `Extraction benchmark: ${pages.length} pages from ../shared/data/extraction, ${rounds} alternating rounds of ${passes} timed passes each`,
  );
  const widths = [48, 7, 7, 7, 6, 8, 9];
  const lines = [formatRow(['extractor', 'P', 'R', 'F1', 'acc', 'pages/s', 'peak RSS'], widths)];
  const scored: Record<string, { summary: MetricSummary; outputs: string[] }> = {};
  const names = Object.keys(EXTRACTORS) as ExtractorName[];
  const results = new Map<ExtractorName, WorkerResult[]>(names.map((name) => [name, []]));
  for (let round = 0; round < rounds; round++) {
    for (const name of names) results.get(name)!.push(await runInChild(name, shared.path, passes));
  }
  for (const name of names) {
    const runs = results.get(name)!;
    const result: WorkerResult = {
      outputs: runs[0]!.outputs,
      passSeconds: runs.flatMap((run) => run.passSeconds),
      peakRssBytes: Math.max(...runs.map((run) => run.peakRssBytes)),
    };
    const summary = summarizeScores(
      pages.map((page, i) => ({ truth: page.truth, prediction: result.outputs[i] ?? '' })),
    );
    scored[name] = { summary, outputs: result.outputs };
    lines.push(
      formatRow(
        [
          EXTRACTORS[name].label,
          summary.precision.toFixed(4),
          summary.recall.toFixed(4),
          summary.f1.toFixed(4),
          summary.accuracy.toFixed(3),
          (pages.length / computeMedian(result.passSeconds)).toFixed(1),
          `${Math.round(result.peakRssBytes / 2 ** 20)} MB`,
        ],
        widths,
      ),
    );
  }
  lines.push('published anchors (upstream README):');
  for (const anchor of PUBLISHED_ANCHORS) {
    lines.push(
      formatRow(
        [
          `  ${anchor.name}`,
          anchor.precision.toFixed(3),
          anchor.recall.toFixed(3),
          anchor.f1.toFixed(3),
          anchor.accuracy.toFixed(3),
          '',
          '',
        ],
        widths,
      ),
    );
  }
  console.log(lines.join('\n'));
  if (values.dump) {
    const perPage = pages.map((page, i) => {
      const row: Record<string, unknown> = { id: page.id };
      for (const [name, { outputs }] of Object.entries(scored)) {
        const counts = scorePage(page.truth, outputs[i] ?? '');
        row[name] = {
          precision: computePagePrecision(counts),
          recall: computePageRecall(counts),
          text: outputs[i],
        };
      }
      return row;
    });
    writeFileSync(values.dump, JSON.stringify(perPage, null, 1));
    console.log(`per-page scores and outputs written to ${values.dump}`);
  }
}

const workerIndex = process.argv.indexOf('--worker');
if (workerIndex >= 0) {
  const name = process.argv[workerIndex + 1] as ExtractorName;
  const passes = Number.parseInt(process.argv[process.argv.indexOf('--passes') + 1] ?? '1', 10);
  runWorker(name, process.env.BENCH_EXTRACTION_ROOT ?? '', passes);
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await runBenchmark();
}
