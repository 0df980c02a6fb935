import { type ReadOptions, readInputs } from '../ingest/read-inputs.ts';
import type { Article } from '../model/article.ts';
import type { RawDocument, Rejection } from '../model/raw-document.ts';
import type { StoryOrganization } from '../model/story.ts';
import type { IngestCounts, Store } from '../store/store.ts';
import { DEFAULT_BATCH_SIZE } from './ingest-defaults.ts';
import { hashContent } from './prepare-article.ts';
import { createPreparePool } from './prepare-pool.ts';
import { CheckpointClock, replayStories } from './replay-stories.ts';
import { type OrganizeItem, StoryOrganizer } from './story-organizer.ts';

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
  /** Called while stored articles the story engines have not seen yet are replayed, before reading. */
  onReplay?: (replayed: number) => void;
}

export interface IngestProgress extends IngestCounts {
  /** Items read so far (documents plus rejected inputs). */
  seen: number;
}

/** What dedupe and clustering did with the run's new articles. */
export interface StoryCounts {
  /** Articles that opened a story. */
  opened: number;
  /** Articles that joined an existing story by similarity. */
  joined: number;
  /** Articles that copy an earlier article (and went to its story). */
  copies: number;
  /** Stories absorbed into another. */
  merged: number;
  /** Stored articles replayed first because the engines had not seen them. */
  replayed: number;
}

export interface IngestReport {
  runId: number;
  counts: IngestCounts;
  stories: StoryCounts;
}

/**
 * Reads inputs, prepares articles and commits them in batches.
 * 1. Open a run in the store.
 * 2. Stream documents from the readers, collecting them (and reader rejections) into a batch.
 * 3. Per batch, on this thread: skip documents whose stored content hash is unchanged; reject ids
 *    already used by another input in this run (two files with the same relative path).
 * 4. Prepare the rest (on the worker pool, with their dedupe and clustering features) while the
 *    next batch is read. Then, batches strictly in order, dedupe and cluster the new articles and
 *    commit the batch's articles, rejections and story decisions in one transaction; report progress.
 *    (An updated article keeps its story: `recluster` re-decides everything.)
 * 5. Close the run with its counts, after a final checkpoint of the engines.
 * Before reading, stored articles the engines have not seen (after a crash) are replayed.
 */
export async function ingestInputs(
  store: Store,
  inputs: string[],
  options: IngestOptions = {},
): Promise<IngestReport> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const now = options.now ?? (() => new Date());
  const pool = createPreparePool(options.workers ?? 0);
  const organizer = await StoryOrganizer.open(store);
  const clock = new CheckpointClock();
  const stories: StoryCounts = { opened: 0, joined: 0, copies: 0, merged: 0, replayed: 0 };
  let checkpointed = true;
  try {
    stories.replayed = await replayStories(store, organizer, {
      pool,
      batchSize,
      ...(options.onReplay ? { onProgress: options.onReplay } : {}),
    });
  } catch (error) {
    await pool.close();
    throw error;
  }
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
    const newItems: OrganizeItem[] = [];
    for (const result of prepared) {
      if (!result.ok) {
        reject(batchRejections, result.rejection);
        continue;
      }
      articles.push(result.article);
      if (!stored.has(result.article.id)) newItems.push(result);
    }
    await previous;
    const organization = await organizer.organize(newItems);
    countStories(stories, organization);
    checkpointed = clock.isDue();
    if (checkpointed) organization.checkpoint = organizer.checkpoint();
    const saved = await store.saveBatch(runId, articles, batchRejections, organization);
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
    if (!checkpointed) await store.saveOrganization(organizer.checkpointOnly());
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
  return { runId, counts, stories };
}

function countStories(counts: StoryCounts, organization: StoryOrganization): void {
  for (const assignment of organization.assignments) {
    if (assignment.via === 'copy') counts.copies++;
    else if (assignment.isNew) counts.opened++;
    else counts.joined++;
  }
  counts.merged += organization.merges.length;
}

function describeSource(document: RawDocument): string {
  const { location, locator } = document.source;
  return locator ? `${location} (${locator})` : location;
}
