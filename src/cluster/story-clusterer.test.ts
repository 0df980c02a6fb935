import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { sharedPath } from '../../test/support/shared-data.ts';
import type { ClusterArticle } from './article-features.ts';
import { StoryClusterer } from './story-clusterer.ts';

const HARBOUR_1: ClusterArticle = {
  id: 'h1',
  title: 'Dockworkers strike at Port Aldery halts ferry service',
  text:
    'Dockworkers at Port Aldery walked off the job on Tuesday, halting ferry service to the Skerrin islands. ' +
    'The Harbourworkers Union said the strike would continue until the port authority restored overtime pay.',
  date: '2024-05-07',
};
const HARBOUR_2: ClusterArticle = {
  id: 'h2',
  title: 'Port Aldery ferry service stopped as dockworkers strike over overtime pay',
  text:
    'Ferries to the Skerrin islands stayed in harbour for a second day as dockworkers at Port Aldery kept up ' +
    'their strike. The port authority said talks with the Harbourworkers Union on overtime pay would resume.',
  date: '2024-05-08',
};
const GLACIER: ClusterArticle = {
  id: 'g1',
  title: 'Survey finds Tarn glacier retreated forty metres in a year',
  text:
    'Researchers measuring the Tarn glacier found its tongue had retreated about forty metres since last summer, ' +
    'the fastest loss recorded. Meltwater lakes have formed along its eastern edge, the survey team said.',
  date: '2024-05-08',
};
const HARBOUR_MUCH_LATER: ClusterArticle = {
  ...HARBOUR_2,
  id: 'h3',
  date: '2024-09-30',
};

test('StoryClusterer joins two reports of one event, keeps an unrelated one apart and says why', () => {
  const clusterer = new StoryClusterer();
  const first = clusterer.add(HARBOUR_1);
  assert.equal(first.isNew, true);
  assert.equal(first.score, 0);
  const second = clusterer.add(HARBOUR_2);
  assert.equal(second.isNew, false);
  assert.equal(second.story, first.story);
  assert.ok(second.score >= 0.24, `score ${second.score}`);
  assert.ok(second.why.terms.includes('dockworker'), second.why.terms.join(','));
  assert.ok(second.why.entities.includes('port aldery'), second.why.entities.join(','));
  const third = clusterer.add(GLACIER);
  assert.equal(third.isNew, true);
  assert.notEqual(third.story, first.story);
  assert.deepEqual(
    clusterer.getStories().map((story) => story.articles),
    [['h1', 'h2'], ['g1']],
  );
});

test('StoryClusterer does not let an article join a story gone dormant outside the time window', () => {
  const clusterer = new StoryClusterer({ windowDays: 7 });
  const first = clusterer.add(HARBOUR_1);
  const late = clusterer.add(HARBOUR_MUCH_LATER);
  assert.equal(late.isNew, true);
  assert.notEqual(late.story, first.story);
});

test('StoryClusterer rejects a repeated article id', () => {
  const clusterer = new StoryClusterer();
  clusterer.add(HARBOUR_1);
  assert.throws(() => clusterer.add(HARBOUR_1), /article h1: already clustered/);
});

test('StoryClusterer merges two stories whose centroids converge and reports the merge', () => {
  // With joining off, every article opens a story; the merge rule alone must bring them together.
  const clusterer = new StoryClusterer({ joinThreshold: 2, mergeThreshold: 0.24 });
  const first = clusterer.add(HARBOUR_1);
  const second = clusterer.add(HARBOUR_2);
  assert.equal(second.isNew, true);
  assert.deepEqual(
    second.merged?.map((merge) => merge.story),
    [first.story],
  );
  assert.equal(clusterer.getStoryOf('h1'), second.story);
  assert.equal(clusterer.getStories().length, 1);
});

test('StoryClusterer state survives JSON and clusters on the same way', () => {
  const clusterer = new StoryClusterer();
  clusterer.add(HARBOUR_1);
  clusterer.add(GLACIER);
  const restored = new StoryClusterer({}, JSON.parse(JSON.stringify(clusterer.toState())));
  const next = restored.add(HARBOUR_2);
  assert.equal(next.story, restored.getStoryOf('h1'));
  assert.deepEqual(restored.getStories().length, 2);
});

const seeds = sharedPath('seeds');
test('the five seed articles form one story', { skip: seeds.skip }, () => {
  const clusterer = new StoryClusterer();
  for (const name of readdirSync(seeds.path).sort()) {
    const [title = '', ...body] = readFileSync(join(seeds.path, name), 'utf8').split('\n');
    clusterer.add({ id: name, title, text: body.join('\n'), date: null });
  }
  assert.equal(clusterer.getStories().length, 1, JSON.stringify(clusterer.getStories()));
});

const stories = sharedPath('data', 'stories');
test('the stories development set separates into its five stories and five singletons', {
  skip: stories.skip,
}, () => {
  const key = JSON.parse(readFileSync(join(stories.path, 'key.json'), 'utf8')) as {
    stories: { articles: string[] }[];
    distractors: string[];
  };
  const clusterer = new StoryClusterer();
  for (const line of readFileSync(join(stories.path, 'articles.jsonl'), 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const row = JSON.parse(line) as { id: string; title: string; text: string; published?: string | null };
    clusterer.add({ id: row.id, title: row.title, text: row.text, date: row.published ?? null });
  }
  const predicted = clusterer
    .getStories()
    .map((story) => [...story.articles].sort().join(' '))
    .sort();
  const expected = [...key.stories.map((story) => story.articles), ...key.distractors.map((id) => [id])]
    .map((articles) => [...articles].sort().join(' '))
    .sort();
  assert.deepEqual(predicted, expected);
});

test('StoryClusterer rejects an unreadable date with the article named, and keeps going', () => {
  const clusterer = new StoryClusterer();
  assert.throws(
    () => clusterer.add({ ...HARBOUR_1, date: 'last Tuesday' }),
    /article h1: unreadable date "last Tuesday"/,
  );
  assert.equal(clusterer.add(HARBOUR_1).isNew, true);
});
