import { resolve } from 'node:path';
import type { ReadResult } from '../model/raw-document.ts';
import { describeStreamError } from './byte-stream.ts';
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

async function* expandAndRead(
  input: string,
  options: ReadOptions,
  excluded: ReadonlySet<string>,
): AsyncIterable<ReadResult> {
  for await (const expanded of expandInput(input)) {
    const name = nameOf(expanded, input);
    if (expanded.kind === 'file' && excluded.has(resolve(expanded.file.path))) {
      options.onSkip?.(name, 'excluded: it is the database being written');
      continue;
    }
    yield* guard(readExpanded(expanded, options), name);
  }
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
