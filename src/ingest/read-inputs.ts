import { resolve } from 'node:path';
import type { ReadResult } from '../model/raw-document.ts';
import { describeStreamError } from './byte-stream.ts';
import { detectFormatFromName } from './detect-format.ts';
import { type ExpandedInput, expandInput } from './expand-inputs.ts';
import { readFile } from './read-file.ts';
import { DEFAULT_READ_OPTIONS, type ReadOptions } from './read-options.ts';
import { readStdin } from './read-stdin.ts';
import { readUrl } from './read-url.ts';

export {
  DEFAULT_MAX_BYTES,
  DEFAULT_READ_OPTIONS,
  type ReadOptions,
  type SkipListener,
} from './read-options.ts';

/**
 * Reads every input into a stream of documents and rejections, in input order.
 * 1. Each argument expands to stdin, a URL, or files (a file, a directory's files, a glob's matches).
 * 2. Each is read by its reader (file, stdin, URL); a reader failing midway adds one rejection for
 *    that item and the stream goes on with the next, so one bad input never aborts a batch.
 */
export async function* readInputs(
  inputs: string[],
  options: Partial<ReadOptions> = {},
): AsyncIterable<ReadResult> {
  const given = Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
  const resolved: ReadOptions = { ...DEFAULT_READ_OPTIONS, ...given };
  const excluded = new Set((resolved.excludePaths ?? []).map((path) => resolve(path)));
  for (const input of inputs) {
    yield* guard(expandAndRead(input, resolved, excluded), input);
  }
}

/**
 * Whole files read ahead of the one being processed. Reading one file at a time left the process
 * idle for about a third of a cold directory ingest (bench/ingest.ts profile); 8 hides that latency
 * while bounding memory to 8 inputs (each under the size cap).
 */
const READ_AHEAD = 8;

/** A queued input: a whole file already being read, or a stream (stdin, URL, JSONL, WARC) read when its turn comes. */
type QueuedRead =
  | { kind: 'ahead'; results: Promise<ReadResult[]> }
  | { kind: 'stream'; results: AsyncIterable<ReadResult> };

/**
 * Reads the files an argument expands to, in order.
 * 1. Skip excluded paths (the database being written), telling `onSkip`.
 * 2. Start reading whole files at once, up to READ_AHEAD queued; streams wait for their turn.
 * 3. Yield queued results in input order whenever the queue is full or a stream is at its head.
 */
async function* expandAndRead(
  input: string,
  options: ReadOptions,
  excluded: ReadonlySet<string>,
): AsyncIterable<ReadResult> {
  const queue: QueuedRead[] = [];
  for await (const expanded of expandInput(input)) {
    const name = nameOf(expanded, input);
    if (expanded.kind === 'file' && excluded.has(resolve(expanded.file.path))) {
      options.onSkip?.(name, 'excluded: it is the database being written');
      continue;
    }
    const results = guard(readExpanded(expanded, options), name);
    queue.push(
      expanded.kind === 'file' && isWholeFile(expanded.file.path)
        ? { kind: 'ahead', results: collectResults(results) }
        : { kind: 'stream', results },
    );
    while (queue.length >= READ_AHEAD || queue[0]?.kind === 'stream') yield* takeQueued(queue);
  }
  while (queue.length > 0) yield* takeQueued(queue);
}

async function* takeQueued(queue: QueuedRead[]): AsyncIterable<ReadResult> {
  const head = queue.shift();
  if (head?.kind === 'ahead') yield* await head.results;
  else if (head) yield* head.results;
}

/** JSONL and WARC files are streamed record by record; everything else is read whole. */
function isWholeFile(path: string): boolean {
  const named = detectFormatFromName(path);
  return named !== 'jsonl' && named !== 'warc';
}

/** `guard` turns failures into rejections, so this never rejects. */
async function collectResults(results: AsyncIterable<ReadResult>): Promise<ReadResult[]> {
  const collected: ReadResult[] = [];
  for await (const result of results) collected.push(result);
  return collected;
}

function readExpanded(expanded: ExpandedInput, options: ReadOptions): AsyncIterable<ReadResult> {
  switch (expanded.kind) {
    case 'stdin':
      return readStdin(options.stdin ?? process.stdin, options);
    case 'url':
      return readUrl(expanded.url, options);
    case 'file':
      return readFile(expanded.file, options);
    case 'rejected':
      return reject(expanded.item, expanded.reason);
  }
}

async function* reject(item: string, reason: string): AsyncIterable<ReadResult> {
  yield { ok: false, rejection: { item, reason } };
}

function nameOf(expanded: ExpandedInput, input: string): string {
  if (expanded.kind === 'file') return expanded.file.path;
  return expanded.kind === 'stdin' ? 'stdin' : input;
}

/** Passes results through; an exception becomes one rejection naming the item, and the stream ends. */
async function* guard(results: AsyncIterable<ReadResult>, item: string): AsyncIterable<ReadResult> {
  try {
    yield* results;
  } catch (error) {
    yield { ok: false, rejection: { item, reason: describeStreamError(error) } };
  }
}
