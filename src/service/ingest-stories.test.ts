import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { repoRoot } from '../../test/support/shared-data.ts';
import { readInputs } from '../ingest/read-inputs.ts';
import type { RawDocument } from '../model/raw-document.ts';
import { openSqliteStore } from '../store/sqlite/sqlite-store.ts';
import type { Store } from '../store/store.ts';
import { ingestInputs } from './ingest.ts';
import { prepareWithFeatures } from './pool-tasks.ts';
import { createPreparePool } from './prepare-pool.ts';
import { reclusterStore } from './replay-stories.ts';

const CORPUS = join(repoRoot, 'examples', 'corpus');
const NOW = () => new Date('2026-11-22T12:00:00Z');

/** The event of each example article, from examples/README.md: A strike, B flood, C recall. */
function eventOf(id: string): string {
  if (/port-elwin|north-quay|port-strike/u.test(id)) return 'A';
  if (/tessel|embankment|marrowcourier/u.test(id)) return 'B';
  if (/quillfield|loop20/u.test(id)) return 'C';
  throw new Error(`unknown example article ${id}`);
}

/** Every story as its sorted member ids, plus each article's story, read back from the store. */
async function readStories(store: Store) {
  const stories = await store.listStories();
  const details = await Promise.all(stories.map((story) => store.getStory(story.id)));
  return details.map((detail) => {
    assert.ok(detail);
    return {
      id: detail.id,
      headline: detail.headline,
      representativeId: detail.representativeId,
      members: detail.articles.map((member) => [member.id, member.via, member.isNew, member.score]),
    };
  });
}

async function withStore<T>(use: (store: Store) => Promise<T>): Promise<T> {
  const store = openSqliteStore(':memory:');
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

test('ingest groups the example corpus into its three events and finds the syndicated copy', () =>
  withStore(async (store) => {
    const report = await ingestInputs(store, [CORPUS], { now: NOW });
    assert.equal(report.counts.inserted, 13);
    assert.deepEqual(report.stories, { opened: 3, joined: 9, copies: 1, merged: 0, replayed: 0 });
    const stories = await store.listStories();
    assert.equal(stories.length, 3);
    for (const summary of stories) {
      const story = await store.getStory(summary.id);
      assert.ok(story);
      const events = new Set(story.articles.map((member) => eventOf(member.id)));
      assert.equal(
        events.size,
        1,
        `story ${story.id} mixes events: ${story.articles.map((a) => a.id).join(', ')}`,
      );
      assert.ok(story.keyTerms.length > 0, 'labelled with key terms');
      assert.equal(
        story.headline,
        story.articles.find((member) => member.id === story.representativeId)?.title,
        'the headline is the representative article title',
      );
      for (const member of story.articles.filter((m) => m.via === 'similarity' && !m.isNew)) {
        assert.ok(member.score > 0 && member.why.terms.length > 0, `${member.id} says why it joined`);
      }
    }
    const recall = stories.find((summary) => eventOf(summary.representativeId) === 'C');
    const detail = recall && (await store.getStory(recall.id));
    assert.ok(detail);
    const copy = detail.articles.find((member) => member.via === 'copy');
    assert.match(copy?.id ?? '', /sennagazette/u);
    assert.match(copy?.copyOf ?? '', /arcline-quillfield-recall/u);
    assert.equal(detail.duplicateGroups.length, 1);
    assert.equal(detail.duplicateGroups[0]?.members.length, 2);
    assert.equal(detail.copyCount, 1);
  }));

test('ingesting in several runs, then reclustering, gives the same stories as one run', () =>
  withStore(async (incremental) => {
    const files = readdirSync(CORPUS)
      .sort()
      .map((name) => join(CORPUS, name));
    for (const part of [files.slice(0, 4), files.slice(4, 9), files.slice(9)]) {
      await ingestInputs(incremental, part, { now: NOW, batchSize: 3 });
    }
    const stepwise = await readStories(incremental);
    const pool = createPreparePool(0);
    try {
      assert.equal(await reclusterStore(incremental, { pool, batchSize: 5 }), 13);
    } finally {
      await pool.close();
    }
    assert.deepEqual(await readStories(incremental), stepwise, 'recluster = the incremental result');
    assert.equal(stepwise.length, 3);
  }));

test('articles stored without story decisions (a crash between checkpoints, an old database) are replayed first', () =>
  withStore(async (store) => {
    const files = readdirSync(CORPUS)
      .sort()
      .map((name) => join(CORPUS, name));
    await ingestInputs(store, files.slice(0, 6), { now: NOW });
    // A run that committed its articles but never organized them.
    const runId = await store.beginRun(['crashed']);
    const documents: RawDocument[] = [];
    for await (const result of readInputs(files.slice(6, 8))) if (result.ok) documents.push(result.document);
    const articles = prepareWithFeatures(documents, NOW()).flatMap((item) => (item.ok ? [item.article] : []));
    assert.equal(articles.length, 2);
    await store.saveBatch(runId, articles, []);
    assert.equal((await store.getStoriesOfArticles(articles.map((a) => a.id))).size, 0);

    const report = await ingestInputs(store, files.slice(8), { now: NOW });
    assert.equal(report.stories.replayed, 2);
    const resumed = await readStories(store);
    const pool = createPreparePool(0);
    try {
      await reclusterStore(store, { pool });
    } finally {
      await pool.close();
    }
    assert.deepEqual(await readStories(store), resumed, 'the replay decided as a clean run would');
  }));
