import type { Store } from '../store/store.ts';
import { DEFAULT_BATCH_SIZE } from './ingest-defaults.ts';
import type { PreparePool } from './prepare-pool.ts';
import { StoryOrganizer } from './story-organizer.ts';

/**
 * How often the engines' state is written: every batch would rewrite megabytes of state for a few
 * hundred articles, and a checkpoint that is behind costs only a replay of the articles after it
 * (which gives the same decisions). Ten seconds bounds that replay to about ten seconds of work.
 */
export const CHECKPOINT_INTERVAL_MS = 10_000;

/** Says when a checkpoint is due: the first call after each interval. */
export class CheckpointClock {
  private last = Date.now();

  constructor(private readonly intervalMs: number = CHECKPOINT_INTERVAL_MS) {}

  isDue(): boolean {
    if (Date.now() - this.last < this.intervalMs) return false;
    this.last = Date.now();
    return true;
  }
}

export interface ReplayOptions {
  pool: PreparePool;
  batchSize?: number;
  /** Called after every replayed batch with the number of articles replayed so far. */
  onProgress?: (replayed: number) => void;
}

/**
 * Brings the engines up to date with every stored article they have not seen: articles committed
 * after the last checkpoint (a crash, a kill), or all of them after a reset or a schema upgrade.
 * 1. Read the stored articles after the organizer's position, in arrival order, a batch at a time.
 * 2. Compute their features on the pool and organize them exactly as ingest does.
 * 3. Save each batch's organization (replacing the rows of an earlier, identical decision), with a
 *    checkpoint when one is due and always after the last batch.
 * Returns the number of articles replayed.
 */
export async function replayStories(
  store: Store,
  organizer: StoryOrganizer,
  options: ReplayOptions,
): Promise<number> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const clock = new CheckpointClock();
  let replayed = 0;
  for (;;) {
    const page = await store.listArticlesAfter(organizer.throughSeq, batchSize);
    const last = page.at(-1);
    if (!last) break;
    const articles = page.map((entry) => entry.article);
    const features = await options.pool.computeFeatures(articles);
    const items = articles.map((article, index) => {
      const itemFeatures = features[index];
      if (!itemFeatures) throw new Error(`replay: no features computed for article ${article.id}`);
      return { article, features: itemFeatures };
    });
    const organization = await organizer.organize(items);
    const isLast = page.length < batchSize;
    if (isLast || clock.isDue()) organization.checkpoint = organizer.checkpoint();
    await store.saveOrganization(organization, last.seq);
    organizer.throughSeq = last.seq;
    replayed += page.length;
    options.onProgress?.(replayed);
    if (isLast) return replayed;
  }
  // The last full page may have been saved without a checkpoint.
  if (replayed > 0) await store.saveOrganization(organizer.checkpointOnly(), organizer.throughSeq);
  return replayed;
}

/** Forgets every story and duplicate decision and rebuilds them from the stored articles in arrival order. */
export async function reclusterStore(store: Store, options: ReplayOptions): Promise<number> {
  await store.resetOrganization();
  return replayStories(store, await StoryOrganizer.open(store), options);
}
