/**
 * Ingest benchmark: articles/second and peak memory for ingesting a directory of 10,000 plain-text
 * articles into SQLite, then for re-ingesting it unchanged (the idempotent path).
 *
 * 1. Generate the articles from the bundled example corpus (examples/corpus/*.txt): each is a base
 *    article with its paragraphs reordered, numbers varied and a serial line added, so every file is
 *    distinct and cleaning does real work.
 * 2. Ingest the directory into a fresh database with the same service the CLI uses.
 * 3. Ingest it again: everything must come back unchanged.
 * Usage: npm run bench:ingest [-- --count N --workers N]
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestInputs } from '../src/service/ingest.ts';
import { DEFAULT_WORKERS } from '../src/service/ingest-defaults.ts';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import { createRandom } from './random.ts';

const countFlag = process.argv.indexOf('--count');
const COUNT = countFlag > 0 ? Number(process.argv[countFlag + 1]) : 10_000;
const workersFlag = process.argv.indexOf('--workers');
const WORKERS = workersFlag > 0 ? Number(process.argv[workersFlag + 1]) : DEFAULT_WORKERS;
/** Files per sub-directory, so the tree looks like a real dump rather than one huge folder. */
const FILES_PER_DIRECTORY = 1_000;

const corpusDir = new URL('../examples/corpus/', import.meta.url);
const bases = readdirSync(corpusDir)
  .filter((name) => name.endsWith('.txt'))
  .map((name) => readFileSync(new URL(name, corpusDir), 'utf8'));
if (bases.length === 0) throw new Error('bench:ingest needs examples/corpus/*.txt to generate articles from');

function generateArticle(serial: number, random: () => number): string {
  const base = bases[serial % bases.length] ?? '';
  const [title = '', ...rest] = base.split('\n');
  const paragraphs = rest
    .join('\n')
    .split(/\n\s*\n/)
    .filter((paragraph) => paragraph.trim());
  for (let i = paragraphs.length - 1; i > 1; i--) {
    const j = 1 + Math.floor(random() * i);
    [paragraphs[i], paragraphs[j]] = [paragraphs[j] ?? '', paragraphs[i] ?? ''];
  }
  const varied = paragraphs.map((paragraph) =>
    paragraph.replace(/\b\d{2,}\b/g, (digits) => String(Number(digits) + Math.floor(random() * 50))),
  );
  return `${title} (${serial})\n${varied.join('\n\n')}\n\nReference ${serial}-${Math.floor(random() * 1e9)}.\n`;
}

function generateCorpus(root: string): void {
  const random = createRandom(20_261_122);
  for (let serial = 0; serial < COUNT; serial++) {
    const directory = join(root, `part-${String(Math.floor(serial / FILES_PER_DIRECTORY)).padStart(3, '0')}`);
    if (serial % FILES_PER_DIRECTORY === 0) mkdirSync(directory, { recursive: true });
    writeFileSync(
      join(directory, `article-${String(serial).padStart(6, '0')}.txt`),
      generateArticle(serial, random),
    );
  }
}

async function timeIngest(dbPath: string, input: string) {
  const store = openSqliteStore(dbPath);
  const started = performance.now();
  const report = await ingestInputs(store, [input], { workers: WORKERS });
  const seconds = (performance.now() - started) / 1000;
  await store.close();
  return { seconds, counts: report.counts };
}

const work = mkdtempSync(join(tmpdir(), 'dossier-bench-ingest-'));
try {
  const corpus = join(work, 'corpus');
  const generateStart = performance.now();
  generateCorpus(corpus);
  console.log(
    `${WORKERS} prepare workers; generated ${COUNT} articles from ${bases.length} example articles in ${((performance.now() - generateStart) / 1000).toFixed(1)} s`,
  );
  const dbPath = join(work, 'bench.db');
  const first = await timeIngest(dbPath, corpus);
  const second = await timeIngest(dbPath, corpus);
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  console.log('');
  console.log('| run | articles | seconds | articles/s | counts |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const [name, run] of [
    ['first ingest', first],
    ['re-ingest (unchanged)', second],
  ] as const) {
    const { inserted, updated, unchanged, rejected } = run.counts;
    console.log(
      `| ${name} | ${COUNT} | ${run.seconds.toFixed(2)} | ${Math.round(COUNT / run.seconds)} | ${inserted} new, ${updated} updated, ${unchanged} unchanged, ${rejected} rejected |`,
    );
  }
  console.log(`\npeak RSS: ${peakRssMb.toFixed(0)} MB (whole process: generation and both runs)`);
  if (first.counts.inserted !== COUNT || second.counts.unchanged !== COUNT) {
    console.error('bench:ingest: unexpected counts, see the table above');
    process.exitCode = 1;
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
