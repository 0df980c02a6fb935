/**
 * Duplicate-detection benchmark: articles/second, peak memory and precision/recall of near-copies
 * found, at 10,000 and 100,000 synthetic articles, to show the cost per article stays flat. The
 * per-item feature computation (`computeDedupeFeatures`, which ingest runs on worker threads) and
 * the stateful part (`DuplicateDetector.addFeatures`, on the main thread) are timed separately.
 *
 * 1. Generate articles of about 300 words drawn from a 20,000-word synthetic vocabulary with
 *    Zipf-like frequencies (the word of rank r has weight 1/r, as in natural text), seeded so every
 *    run sees the same corpus. 10% are near-copies of an earlier original with one to three small
 *    edits (a word replaced, dropped or inserted, a number changed), as syndication produces.
 * 2. Add them in order to one `DuplicateDetector` (default retention), timing the two parts.
 * 3. A match is right when both items descend from the same original; precision = right matches /
 *    matches, recall = near-copies matched rightly / near-copies.
 * Each size runs in its own child process so that peak RSS belongs to that size alone.
 * Usage: npm run bench:dedupe [-- --count N]
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { computeDedupeFeatures, DuplicateDetector } from '../src/dedupe/duplicate-detector.ts';
import { createRandom } from './random.ts';

const SIZES = [10_000, 100_000];
const VOCABULARY_SIZE = 20_000;
/** Words per article: 250–350, around the ~300-word median of short news items. */
const MIN_WORDS = 250;
const WORD_RANGE = 100;
const COPY_SHARE = 0.1;
const MAX_EDITS = 3;
/** Articles per timing window, for the per-article cost across the run. */
const WINDOW = 10_000;
const SEED = 20_261_122;

const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ne',
  'ru',
  'sa',
  'ti',
  'vo',
  'da',
  'fe',
  'gu',
  'ha',
  'jo',
  'pe',
  'zi',
  'bra',
];

/** Distinct pronounceable words: the syllables of each index in base 16, at least two syllables. */
function createVocabulary(): string[] {
  return Array.from({ length: VOCABULARY_SIZE }, (_, index) => {
    let word = '';
    let rest = index + SYLLABLES.length;
    while (rest > 0) {
      word += SYLLABLES[rest % SYLLABLES.length];
      rest = Math.floor(rest / SYLLABLES.length);
    }
    return word;
  });
}

/** Cumulative Zipf weights (1/rank), for sampling by binary search. */
function createZipfTable(size: number): Float64Array {
  const cumulative = new Float64Array(size);
  let total = 0;
  for (let rank = 1; rank <= size; rank++) {
    total += 1 / rank;
    cumulative[rank - 1] = total;
  }
  return cumulative.map((value) => value / total);
}

const vocabulary = createVocabulary();
const zipf = createZipfTable(VOCABULARY_SIZE);

function sampleWord(random: () => number): string {
  const target = random();
  let low = 0;
  let high = zipf.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((zipf[middle] ?? 1) < target) low = middle + 1;
    else high = middle;
  }
  return vocabulary[low] ?? '';
}

/** The words of original article `serial`, regenerated from its own seed whenever needed. */
function generateWords(serial: number): string[] {
  const random = createRandom(SEED + serial);
  const count = MIN_WORDS + Math.floor(random() * WORD_RANGE);
  return Array.from({ length: count }, (_, index) =>
    index % 40 === 7 ? String(Math.floor(random() * 1000)) : sampleWord(random),
  );
}

/** One to three small edits at random places: replace, drop or insert a word, or change a number. */
function editWords(words: string[], random: () => number): string[] {
  const edited = [...words];
  const edits = 1 + Math.floor(random() * MAX_EDITS);
  for (let edit = 0; edit < edits; edit++) {
    const at = Math.floor(random() * edited.length);
    const kind = Math.floor(random() * 4);
    if (kind === 0) edited[at] = sampleWord(random);
    else if (kind === 1) edited.splice(at, 1);
    else if (kind === 2) edited.splice(at, 0, sampleWord(random));
    else edited[at] = String(Math.floor(random() * 1000));
  }
  return edited;
}

/** Words as prose: sentences of 15 words, paragraphs of four sentences. */
function formatBody(words: string[]): string {
  let body = '';
  for (const [index, word] of words.entries()) {
    const sentenceStart = index % 15 === 0;
    if (index > 0) body += sentenceStart ? (index % 60 === 0 ? '.\n\n' : '. ') : ' ';
    body += sentenceStart ? word.charAt(0).toUpperCase() + word.slice(1) : word;
  }
  return `${body}.`;
}

interface RunResult {
  count: number;
  featureSeconds: number;
  addSeconds: number;
  /** µs per article of addFeatures (the part that could grow with the corpus), per window. */
  windowMicros: number[];
  copies: number;
  matches: number;
  rightMatches: number;
  copiesFound: number;
  peakRssMb: number;
}

function runSize(count: number): RunResult {
  const random = createRandom(SEED);
  const detector = new DuplicateDetector();
  const originals: number[] = [];
  /** The original each item descends from (itself for an original). */
  const rootOf = new Int32Array(count);
  const positionById = new Map<string, number>();
  const windowMicros: number[] = [];
  let windowSeconds = 0;
  let featureSeconds = 0;
  let addSeconds = 0;
  let copies = 0;
  let matches = 0;
  let rightMatches = 0;
  let copiesFound = 0;
  for (let serial = 0; serial < count; serial++) {
    let words: string[];
    if (originals.length > 0 && random() < COPY_SHARE) {
      const source = originals[Math.floor(random() * originals.length)] ?? 0;
      rootOf[serial] = source;
      words = editWords(generateWords(source), random);
      copies++;
    } else {
      rootOf[serial] = serial;
      originals.push(serial);
      words = generateWords(serial);
    }
    const id = `article-${serial}`;
    positionById.set(id, serial);
    const body = formatBody(words);
    const started = performance.now();
    const features = computeDedupeFeatures({ id, body });
    const computed = performance.now();
    const decision = detector.addFeatures(id, features);
    const added = performance.now();
    featureSeconds += (computed - started) / 1000;
    addSeconds += (added - computed) / 1000;
    windowSeconds += (added - computed) / 1000;
    if ((serial + 1) % WINDOW === 0) {
      windowMicros.push((windowSeconds / WINDOW) * 1e6);
      windowSeconds = 0;
    }
    if (decision.match) {
      matches++;
      const right = rootOf[positionById.get(decision.match.matchedId) ?? -1] === rootOf[serial];
      if (right) rightMatches++;
      if (right && rootOf[serial] !== serial) copiesFound++;
    }
  }
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  return {
    count,
    featureSeconds,
    addSeconds,
    windowMicros,
    copies,
    matches,
    rightMatches,
    copiesFound,
    peakRssMb,
  };
}

function formatRow(run: RunResult): string {
  const precision = run.matches === 0 ? 1 : run.rightMatches / run.matches;
  const recall = run.copies === 0 ? 1 : run.copiesFound / run.copies;
  const windows = run.windowMicros.map((micros) => micros.toFixed(0));
  const shown = windows.length > 4 ? [...windows.slice(0, 2), '…', ...windows.slice(-2)] : windows;
  const seconds = run.featureSeconds + run.addSeconds;
  const micros = (part: number) => ((part / run.count) * 1e6).toFixed(1);
  return `| ${run.count} | ${seconds.toFixed(1)} | ${Math.round(run.count / seconds)} | ${micros(run.featureSeconds)} | ${micros(run.addSeconds)} | ${Math.round(run.count / run.addSeconds)} | ${shown.join(', ')} | ${run.peakRssMb.toFixed(0)} | ${run.copies} | ${precision.toFixed(4)} | ${recall.toFixed(4)} |`;
}

const countFlag = process.argv.indexOf('--count');
if (countFlag > 0) {
  console.log(JSON.stringify(runSize(Number(process.argv[countFlag + 1]))));
} else {
  console.log(
    '| articles | seconds | articles/s | features µs/article | addFeatures µs/article | addFeatures articles/s | addFeatures µs/article per 10k window | peak RSS MB | near-copies | precision | recall |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const size of SIZES) {
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(import.meta.url), '--count', String(size)],
      { encoding: 'utf8', maxBuffer: 1 << 20 },
    );
    if (child.status !== 0) {
      console.error(`bench:dedupe: the run of ${size} articles failed: ${child.stderr.split('\n')[0]}`);
      process.exitCode = 1;
      continue;
    }
    console.log(formatRow(JSON.parse(child.stdout) as RunResult));
  }
  console.log(
    '\nseconds: computeDedupeFeatures + addFeatures (generation excluded); features run on workers in ingest, addFeatures on the main thread; peak RSS: whole child process',
  );
}
