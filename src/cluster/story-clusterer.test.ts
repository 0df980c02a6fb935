import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { sharedPath } from '../../test/support/shared-data.ts';
import { type ClusterArticle, extractFeatures } from './article-features.ts';
import { type Assignment, type ClusterOptions, StoryClusterer } from './story-clusterer.ts';

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
const ISLANDERS: ClusterArticle = {
  id: 'i1',
  title: 'Skerrin islanders stranded as sailings are cancelled',
  text:
    'Islanders on Skerrin were stranded on Wednesday after every sailing to the mainland was cancelled. ' +
    'Shops on the islands reported shortages of bread and fuel, and the ferry operator gave no date for a restart.',
  date: '2024-05-08',
};
const BRIDGE: ClusterArticle = {
  id: 'b1',
  title: 'Port Aldery strike leaves Skerrin islanders stranded',
  text:
    'The dockworkers strike at Port Aldery has left islanders on Skerrin stranded, with every sailing cancelled ' +
    'and shortages of bread and fuel on the islands. The Harbourworkers Union wants overtime pay restored.',
  date: '2024-05-09',
};

/** Final story of each article, following the merges reported in the assignments. */
function groupArticles(ids: string[], assignments: Assignment[]): string[][] {
  const into = new Map<string, string>();
  for (const assignment of assignments)
    for (const merge of assignment.merged ?? []) into.set(merge.story, assignment.story);
  const groups = new Map<string, string[]>();
  ids.forEach((id, index) => {
    let story = assignments[index]?.story ?? id;
    for (let next = into.get(story); next !== undefined; next = into.get(story)) story = next;
    groups.set(story, [...(groups.get(story) ?? []), id]);
  });
  return [...groups.values()];
}

test('StoryClusterer joins two reports of one event, keeps an unrelated one apart and says why', () => {
  const clusterer = new StoryClusterer();
  const first = clusterer.add(HARBOUR_1);
  assert.equal(first.isNew, true);
  assert.equal(first.score, 0);
  assert.equal(first.story, 's1');
  const second = clusterer.add(HARBOUR_2);
  assert.equal(second.isNew, false);
  assert.equal(second.story, first.story);
  assert.ok(second.score >= clusterer.getOptions().joinThreshold, `score ${second.score}`);
  // Reasons are written forms, from the joining article.
  assert.ok(second.why.terms.includes('dockworkers'), second.why.terms.join(','));
  assert.ok(second.why.entities.includes('Port Aldery'), second.why.entities.join(','));
  const third = clusterer.add(GLACIER);
  assert.equal(third.isNew, true);
  assert.equal(third.story, 's2');
  assert.deepEqual(clusterer.getStories(), [
    { id: 's1', size: 2 },
    { id: 's2', size: 1 },
  ]);
});

test('StoryClusterer.addFeatures with features from elsewhere (a structured clone) assigns as add does', () => {
  const options: Partial<ClusterOptions> = { joinThreshold: 0.2 };
  const direct = new StoryClusterer(options);
  const split = new StoryClusterer(options);
  for (const article of [HARBOUR_1, GLACIER, HARBOUR_2, ISLANDERS, BRIDGE]) {
    const features = structuredClone(extractFeatures(article, split.getOptions()));
    assert.deepEqual(split.addFeatures(article.id, features), direct.add(article));
  }
  assert.deepEqual(split.toState(), direct.toState());
});

test('StoryClusterer scores features against a live story and describes it in written forms', () => {
  const clusterer = new StoryClusterer();
  const { story } = clusterer.add(HARBOUR_1);
  clusterer.add(HARBOUR_2);
  clusterer.add(GLACIER);
  const options = clusterer.getOptions();
  const member = clusterer.scoreFeatures(extractFeatures(HARBOUR_2, options), story);
  const stranger = clusterer.scoreFeatures(extractFeatures(GLACIER, options), story);
  assert.ok(member !== undefined && stranger !== undefined);
  assert.ok(member > options.joinThreshold && stranger < member / 4, `${member} ${stranger}`);
  assert.equal(clusterer.scoreFeatures(extractFeatures(HARBOUR_2, options), 's99'), undefined);
  const label = clusterer.describeStory(story, 3);
  assert.ok(label !== undefined);
  assert.equal(label.terms.length, 3);
  assert.ok(label.terms.includes('dockworkers'), label.terms.join(','));
  assert.ok(label.entities.includes('Port Aldery') || label.entities.includes('Harbourworkers Union'));
  assert.equal(clusterer.describeStory('s99', 3), undefined);
});

test('StoryClusterer does not let an article join a story outside the time window', () => {
  const clusterer = new StoryClusterer({ windowDays: 7 });
  const first = clusterer.add(HARBOUR_1);
  const late = clusterer.add({ ...HARBOUR_2, id: 'h3', date: '2024-05-15' });
  assert.equal(late.isNew, true);
  assert.notEqual(late.story, first.story);
});

test('StoryClusterer forgets dormant dated stories at a sweep, and keeps at most maxLiveStories', () => {
  const clusterer = new StoryClusterer({ windowDays: 7, dormantSlackDays: 1, sweepArticles: 1 });
  const { story } = clusterer.add(HARBOUR_1);
  clusterer.add({ ...GLACIER, date: '2024-05-15' });
  // Day 8 after the harbour story: still within window + slack of the newest date.
  assert.ok(clusterer.describeStory(story, 3));
  clusterer.add({ ...ISLANDERS, date: '2024-05-16' });
  assert.equal(clusterer.describeStory(story, 3), undefined);
  assert.equal(clusterer.scoreFeatures(extractFeatures(HARBOUR_2, clusterer.getOptions()), story), undefined);
  assert.deepEqual(
    clusterer.toState().stories.map((saved) => saved.id),
    ['s2', 's3'],
  );

  const capped = new StoryClusterer({ maxLiveStories: 2 });
  const oldest = capped.add({ ...HARBOUR_1, date: null });
  capped.add({ ...GLACIER, date: null });
  capped.add({ ...ISLANDERS, date: null });
  assert.deepEqual(
    capped.getStories().map((live) => live.id),
    ['s2', 's3'],
  );
  assert.equal(capped.describeStory(oldest.story, 3), undefined);
  // A story keeps no article ids, so nothing grows with the articles it takes.
  assert.doesNotMatch(JSON.stringify(capped.toState()), /"h1"|"g1"|"i1"/);
});

test('StoryClusterer lets a late batch of older articles build its story until a sweep finds it idle', () => {
  const clusterer = new StoryClusterer({ sweepArticles: 4 });
  clusterer.add({ ...GLACIER, date: '2024-09-01' });
  // A backfill: older than the window of the newest date, yet it still forms one story.
  const first = clusterer.add(HARBOUR_1);
  const second = clusterer.add(HARBOUR_2);
  assert.equal(second.story, first.story);
  clusterer.add({ ...ISLANDERS, date: '2024-09-02' });
  // The fourth article triggered the sweep, but the harbour story changed since the last one.
  assert.ok(clusterer.describeStory(first.story, 3));
  for (const day of ['03', '04', '05', '06'])
    clusterer.add({ ...GLACIER, id: `g${day}`, date: `2024-09-${day}` });
  assert.equal(clusterer.describeStory(first.story, 3), undefined);
});

test('StoryClusterer merges two stories an article brings together and reports the merge', () => {
  const clusterer = new StoryClusterer({ mergeThreshold: 0.1 });
  const strike = clusterer.add(HARBOUR_1);
  const islanders = clusterer.add(ISLANDERS);
  assert.equal(islanders.isNew, true, 'the two angles start apart');
  const bridge = clusterer.add(BRIDGE);
  assert.equal(bridge.isNew, false);
  assert.equal(bridge.story, strike.story, 'the merged story keeps the older id');
  assert.deepEqual(
    bridge.merged?.map((merge) => merge.story),
    [islanders.story],
  );
  assert.ok((bridge.merged?.[0]?.why.terms.length ?? 0) > 0);
  assert.deepEqual(clusterer.getStories(), [{ id: bridge.story, size: 3 }]);
});

test('a merge keeps the older story id, whichever story the bridging article joined', () => {
  const clusterer = new StoryClusterer({ mergeThreshold: 0.1 });
  const islanders = clusterer.add(ISLANDERS);
  const strike = clusterer.add(HARBOUR_1);
  const bridge = clusterer.add(BRIDGE);
  assert.equal(bridge.story, islanders.story);
  assert.deepEqual(
    bridge.merged?.map((merge) => merge.story),
    [strike.story],
  );
  assert.deepEqual(clusterer.getStories(), [{ id: islanders.story, size: 3 }]);
});

test('StoryClusterer state survives JSON and clusters on the same way', () => {
  const clusterer = new StoryClusterer();
  clusterer.add(HARBOUR_1);
  clusterer.add(GLACIER);
  const restored = new StoryClusterer({}, JSON.parse(JSON.stringify(clusterer.toState())));
  assert.deepEqual(restored.add(HARBOUR_2), clusterer.add(HARBOUR_2));
  assert.deepEqual(restored.toState(), clusterer.toState());
  const older = { ...clusterer.toState(), version: 1 };
  assert.throws(() => new StoryClusterer({}, older), /clusterer state version 1: expected 2/);
});

test('StoryClusterer rejects an unreadable date with the article named, and keeps going', () => {
  const clusterer = new StoryClusterer();
  assert.throws(
    () => clusterer.add({ ...HARBOUR_1, date: 'last Tuesday' }),
    /article h1: unreadable date "last Tuesday"/,
  );
  assert.equal(clusterer.add(HARBOUR_1).isNew, true);
});

function readClusteringSet(path: string): ClusterArticle[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const row = JSON.parse(line) as { id: string; title?: string; text?: string; date?: string | null };
      return { id: row.id, title: row.title ?? '', text: row.text ?? '', date: row.date ?? null };
    });
}

/**
 * Adds `articles` without a stop, and again stopping halfway through a JSON round trip of the state:
 * every assignment and the final state must be identical, to the bit.
 */
function assertRestartIsSeamless(articles: ClusterArticle[], options: Partial<ClusterOptions> = {}): void {
  const uninterrupted = new StoryClusterer(options);
  const expected = articles.map((article) => uninterrupted.add(article));
  const half = Math.floor(articles.length / 2);
  const first = new StoryClusterer(options);
  const actual = articles.slice(0, half).map((article) => first.add(article));
  const second = new StoryClusterer(options, JSON.parse(JSON.stringify(first.toState())));
  actual.push(...articles.slice(half).map((article) => second.add(article)));
  assert.equal(actual.length, expected.length);
  expected.forEach((assignment, index) => {
    assert.deepEqual(actual[index], assignment, articles[index]?.id);
  });
  assert.deepEqual(second.toState(), uninterrupted.toState());
}

const clustering = sharedPath('data', 'clustering');
test('a restart from saved state continues exactly as an uninterrupted run (dated, with evictions)', {
  skip: clustering.skip,
}, () => {
  const articles = readClusteringSet(join(clustering.path, 'allsides_2021.jsonl')).sort(
    (a, b) => Date.parse(a.date ?? '') - Date.parse(b.date ?? ''),
  );
  // A small cap and a loose merge rule make evictions and merges happen on both sides of the stop.
  assertRestartIsSeamless(articles.slice(0, 800), { maxLiveStories: 150, mergeThreshold: 0.15 });
});

test('a restart from saved state continues exactly as an uninterrupted run (undated)', {
  skip: clustering.skip,
}, () => {
  const articles = readClusteringSet(join(clustering.path, 'neus_dev.jsonl')).map((article) => ({
    ...article,
    date: null,
  }));
  assertRestartIsSeamless(articles);
});

const seeds = sharedPath('seeds');
test('the five seed articles form one story', { skip: seeds.skip }, () => {
  const clusterer = new StoryClusterer();
  const names = readdirSync(seeds.path).sort();
  const assignments = names.map((name) => {
    const [title = '', ...body] = readFileSync(join(seeds.path, name), 'utf8').split('\n');
    return clusterer.add({ id: name, title, text: body.join('\n'), date: null });
  });
  assert.equal(groupArticles(names, assignments).length, 1, JSON.stringify(assignments));
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
  const ids: string[] = [];
  const assignments: Assignment[] = [];
  for (const line of readFileSync(join(stories.path, 'articles.jsonl'), 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const row = JSON.parse(line) as { id: string; title: string; text: string; published?: string | null };
    ids.push(row.id);
    assignments.push(
      clusterer.add({ id: row.id, title: row.title, text: row.text, date: row.published ?? null }),
    );
  }
  const predicted = groupArticles(ids, assignments)
    .map((articles) => [...articles].sort().join(' '))
    .sort();
  const expected = [...key.stories.map((story) => story.articles), ...key.distractors.map((id) => [id])]
    .map((articles) => [...articles].sort().join(' '))
    .sort();
  assert.deepEqual(predicted, expected);
});
