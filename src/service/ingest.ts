import { type ReadOptions, readInputs } from '../ingest/read-inputs.ts';
import type { Article } from '../model/article.ts';
import type { RawDocument, Rejection } from '../model/raw-document.ts';
import type { IngestCounts, Store } from '../store/store.ts';
import { DEFAULT_BATCH_SIZE } from './ingest-defaults.ts';
import { hashContent, prepareArticle } from './prepare-article.ts';

export interface IngestOptions {
  read?: Partial<ReadOptions>;
  batchSize?: number;
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
 * 3. Per batch: skip documents whose stored content hash is unchanged; prepare the rest; reject
 *    ids already used by another input in this run (two files with the same relative path).
 * 4. Commit articles and rejections of the batch in one transaction, then report progress.
 * 5. Close the run with its counts.
 */
export async function ingestInputs(
  store: Store,
  inputs: string[],
  options: IngestOptions = {},
): Promise<IngestReport> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const now = options.now ?? (() => new Date());
  const runId = await store.beginRun(inputs);
  const totals: IngestProgress = { seen: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0 };
  const idsThisRun = new Map<string, string>();
  let documents: RawDocument[] = [];
  let rejections: Rejection[] = [];

  const reject = (rejection: Rejection) => {
    rejections.push(rejection);
    options.onRejection?.(rejection);
  };

  const flush = async () => {
    const stored = await store.getContentHashes(documents.map((document) => document.id));
    const articles: Article[] = [];
    let unchanged = 0;
    for (const document of documents) {
      const firstSource = idsThisRun.get(document.id);
      if (firstSource !== undefined) {
        reject({
          item: document.source.location,
          reason: `id ${JSON.stringify(document.id)} was already taken in this run by ${firstSource}`,
          source: document.source,
        });
        continue;
      }
      idsThisRun.set(document.id, describeSource(document));
      if (stored.get(document.id) === hashContent(document.content)) {
        unchanged++;
        continue;
      }
      const prepared = prepareArticle(document, now());
      if (prepared.ok) articles.push(prepared.article);
      else reject(prepared.rejection);
    }
    const saved = await store.saveBatch(runId, articles, rejections);
    totals.inserted += saved.inserted;
    totals.updated += saved.updated;
    totals.unchanged += saved.unchanged + unchanged;
    totals.rejected += rejections.length;
    documents = [];
    rejections = [];
    options.onProgress?.({ ...totals });
  };

  for await (const result of readInputs(inputs, options.read)) {
    totals.seen++;
    if (result.ok) documents.push(result.document);
    else reject(result.rejection);
    if (documents.length + rejections.length >= batchSize) await flush();
  }
  if (documents.length + rejections.length > 0 || totals.seen === 0) await flush();

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
