import { type ReadOptions, readInputs } from '../ingest/read-inputs.ts';
import type { Article } from '../model/article.ts';
import type { RawDocument, Rejection } from '../model/raw-document.ts';
import type { IngestCounts, Store } from '../store/store.ts';
import { DEFAULT_BATCH_SIZE } from './ingest-defaults.ts';
import { hashContent } from './prepare-article.ts';
import { createPreparePool } from './prepare-pool.ts';

export interface IngestOptions {
  read?: Partial<ReadOptions>;
  batchSize?: number;
  /** Worker threads preparing articles; 0 prepares on the calling thread. */
  workers?: number;
  /** The clock, injectable so tests and re-runs are reproducible. */
  now?: () => Date;
  /** Called after every committed batch with the running totals. */
  onProgress?: (progress: IngestProgress) => void;
  /** Called once for every rejected item, as soon as it is known. */
  onRejection?: (rejection: Rejection) => void;
}

export interface IngestProgress extends IngestCounts {
  /** Items read so far (documents plus rejected inputs). */
  seen: number;
}

export interface IngestReport {
  runId: number;
  counts: IngestCounts;
}

/**
 * Reads inputs, prepares articles and commits them in batches.
 * 1. Open a run in the store.
 * 2. Stream documents from the readers, collecting them (and reader rejections) into a batch.
 * 3. Per batch, on this thread: skip documents whose stored content hash is unchanged; reject ids
 *    already used by another input in this run (two files with the same relative path).
 * 4. Prepare the rest (on the worker pool) while the next batch is read; then commit the batch's
 *    articles and rejections in one transaction, batches strictly in order, and report progress.
 * 5. Close the run with its counts.
 */
export async function ingestInputs(
  store: Store,
  inputs: string[],
  options: IngestOptions = {},
): Promise<IngestReport> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const now = options.now ?? (() => new Date());
  const pool = createPreparePool(options.workers ?? 0);
  const runId = await store.beginRun(inputs);
  const totals: IngestProgress = { seen: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0 };
  const idsThisRun = new Map<string, string>();
  let documents: RawDocument[] = [];
  let rejections: Rejection[] = [];
  let committed: Promise<void> = Promise.resolve();

  const reject = (into: Rejection[], rejection: Rejection) => {
    into.push(rejection);
    options.onRejection?.(rejection);
  };

  /** Steps 3–4 for the batch collected so far; resolves once it is committed. */
  const flush = async (batch: RawDocument[], batchRejections: Rejection[], previous: Promise<void>) => {
    const stored = await store.getContentHashes(batch.map((document) => document.id));
    const toPrepare: RawDocument[] = [];
    let unchanged = 0;
    for (const document of batch) {
      const firstSource = idsThisRun.get(document.id);
      if (firstSource !== undefined) {
        reject(batchRejections, {
          item: document.source.location,
          reason: `id ${JSON.stringify(document.id)} was already taken in this run by ${firstSource}`,
          source: document.source,
        });
        continue;
      }
      idsThisRun.set(document.id, describeSource(document));
      if (stored.get(document.id) === hashContent(document.content)) unchanged++;
      else toPrepare.push(document);
    }
    const prepared = await pool.prepare(toPrepare, now());
    const articles: Article[] = [];
    for (const result of prepared) {
      if (result.ok) articles.push(result.article);
      else reject(batchRejections, result.rejection);
    }
    await previous;
    const saved = await store.saveBatch(runId, articles, batchRejections);
    totals.inserted += saved.inserted;
    totals.updated += saved.updated;
    totals.unchanged += saved.unchanged + unchanged;
    totals.rejected += batchRejections.length;
    options.onProgress?.({ ...totals });
  };

  /** Starts committing the current batch; waits for the one before, so at most two are in flight. */
  const startFlush = async () => {
    const previous = committed;
    committed = flush(documents, rejections, previous);
    documents = [];
    rejections = [];
    await previous;
  };

  try {
    for await (const result of readInputs(inputs, options.read)) {
      totals.seen++;
      if (result.ok) documents.push(result.document);
      else reject(rejections, result.rejection);
      if (documents.length + rejections.length >= batchSize) await startFlush();
    }
    if (documents.length + rejections.length > 0 || totals.seen === 0) await startFlush();
    await committed;
  } finally {
    // After a failure the batch still in flight must settle before the workers go away; its own
    // error, if any, is the same failure already being thrown.
    await committed.catch(() => undefined);
    await pool.close();
  }

  const counts: IngestCounts = {
    inserted: totals.inserted,
    updated: totals.updated,
    unchanged: totals.unchanged,
    rejected: totals.rejected,
  };
  await store.finishRun(runId, counts);
  return { runId, counts };
}

function describeSource(document: RawDocument): string {
  const { location, locator } = document.source;
  return locator ? `${location} (${locator})` : location;
}
