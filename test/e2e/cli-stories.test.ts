import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { StoryDetail, StorySummary } from '../../src/model/story.ts';
import { runCli } from '../support/run-cli.ts';
import { repoRoot, sharedPath } from '../support/shared-data.ts';

const scratch = mkdtempSync(join(tmpdir(), 'dossier-stories-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

const corpusDb = join(scratch, 'corpus.db');
let corpusIngested: Promise<void> | undefined;
/** The example corpus ingested once, for the read-only commands. */
function ingestCorpus(): Promise<void> {
  corpusIngested ??= runCli([
    '--db',
    corpusDb,
    'ingest',
    join(repoRoot, 'examples', 'corpus'),
    '--workers',
    '0',
  ]).then((run) => {
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /stories: 3 opened, 9 joined by similarity, 1 copies, 0 merged/u);
  });
  return corpusIngested;
}

test('stories list shows the three example events with headline, size and key terms', async () => {
  await ingestCorpus();
  const json = await runCli(['--db', corpusDb, 'stories', 'list', '--json']);
  assert.equal(json.code, 0, json.stderr);
  const stories = JSON.parse(json.stdout) as StorySummary[];
  assert.deepEqual(stories.map((story) => story.articleCount).sort(), [4, 4, 5]);
  assert.equal(
    stories[0]?.lastPublished,
    '2026-11-16T14:05:00.000Z',
    'the recall story, updated last, comes first',
  );
  const bySize = JSON.parse(
    (await runCli(['--db', corpusDb, 'stories', 'list', '--json', '--sort', 'size'])).stdout,
  );
  assert.equal(bySize[0].articleCount, 5);

  const table = await runCli(['--db', corpusDb, 'stories', 'list']);
  assert.match(table.stdout, /^id\s+articles\s+sources\s+latest\s+headline\s+key terms/mu);
  assert.match(table.stdout, /3 of 3 stories/u);
});

test('stories show explains each member and lists the duplicate group; unknown ids fail clearly', async () => {
  await ingestCorpus();
  const stories = JSON.parse(
    (await runCli(['--db', corpusDb, 'stories', 'list', '--json'])).stdout,
  ) as StorySummary[];
  const recall = stories.find((story) => story.copyCount === 1);
  assert.ok(recall, 'the recall story holds the syndicated copy');
  const shown = await runCli(['--db', corpusDb, 'stories', 'show', recall.id]);
  assert.equal(shown.code, 0, shown.stderr);
  assert.ok(shown.stdout.startsWith(recall.headline));
  assert.match(shown.stdout, /opened the story/u);
  assert.match(shown.stdout, /copy of .*arcline-quillfield-recall/u);
  assert.match(shown.stdout, /duplicate groups \(count once as a source\):\n {2}representative /u);

  const detail = JSON.parse(
    (await runCli(['--db', corpusDb, 'stories', 'show', recall.id, '--json'])).stdout,
  ) as StoryDetail;
  assert.equal(detail.articles.length, 4);
  assert.ok(detail.articles.every((member) => member.why !== undefined));

  const missing = await runCli(['--db', corpusDb, 'stories', 'show', 's999']);
  assert.equal(missing.code, 2);
  assert.equal(missing.stderr, 'dossier: no story with id "s999" (see: dossier stories list)\n');
});

test('recluster rebuilds the same stories', async () => {
  await ingestCorpus();
  const before = (await runCli(['--db', corpusDb, 'stories', 'list', '--json'])).stdout;
  const run = await runCli(['--db', corpusDb, 'recluster', '--workers', '0']);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /^reclustered 13 articles into 3 stories/u);
  const afterwards = JSON.parse((await runCli(['--db', corpusDb, 'stories', 'list', '--json'])).stdout);
  const strip = (rows: StorySummary[]) => rows.map(({ updatedAt: _, ...rest }) => rest);
  assert.deepEqual(strip(afterwards), strip(JSON.parse(before)));
});

test('cluster writes one {id, story} line per input line, in order, and reports bad lines', async () => {
  const input = join(scratch, 'records.jsonl');
  const output = join(scratch, 'stories.jsonl');
  const ferry =
    'The Wrenmouth ferry stayed in port on Friday as gales closed the estuary crossing for a third day.';
  const orchard =
    'Cider makers in the Pellam valley said a late frost had cut the apple harvest by a third this year.';
  writeFileSync(
    input,
    [
      JSON.stringify({
        id: 'f1',
        title: 'Gales keep Wrenmouth ferry in port',
        text: ferry,
        date: '2026-03-06',
      }),
      JSON.stringify({ id: 'o1', title: 'Late frost cuts Pellam apple harvest', text: orchard, date: null }),
      '{"id": "broken",',
      JSON.stringify({
        id: 'f2',
        title: 'Wrenmouth ferry crossing closed for third day by gales',
        text: '',
        date: '2026-03-06T15:00:00Z',
      }),
      JSON.stringify({ id: 'e1', title: '', text: '   ', date: null }),
    ].join('\n'),
  );
  const run = await runCli(['cluster', '--input', input, '--output', output, '--workers', '0']);
  assert.equal(run.code, 1, 'some lines were rejected');
  assert.match(run.stderr, new RegExp(`rejected ${input}:3: invalid JSON`, 'u'));
  assert.match(run.stderr, new RegExp(`rejected ${input}:5: `, 'u'));
  assert.match(run.stdout, /^3 of 5 records clustered into 2 stories \(2 rejected\)/u);
  const lines = readFileSync(output, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  assert.deepEqual(
    lines.map((line) => line.id),
    ['f1', 'o1', null, 'f2', 'e1'],
  );
  assert.equal(
    lines[0].story,
    lines[3].story,
    'the two ferry reports form one story (f2 by its title alone)',
  );
  assert.notEqual(lines[0].story, lines[1].story);
  assert.equal(lines[2].story, null);
  assert.equal(lines[2].line, 3, 'an unreadable line is named by its number');
  assert.equal(typeof lines[2].rejected, 'string');
  assert.equal(lines[4].story, null);
});

const storiesSet = sharedPath('data', 'stories');
test('ingest separates the shared stories set exactly and finds exactly its keyed duplicates', {
  skip: storiesSet.skip,
}, async () => {
  const db = join(scratch, 'stories-set.db');
  const run = await runCli(['--db', db, 'ingest', join(storiesSet.path, 'articles.jsonl'), '--workers', '0']);
  assert.equal(run.code, 0, run.stderr);
  const key = JSON.parse(readFileSync(join(storiesSet.path, 'key.json'), 'utf8')) as {
    stories: { articles: string[]; duplicates: string[][] }[];
    distractors: string[];
  };
  const listed = JSON.parse(
    (await runCli(['--db', db, 'stories', 'list', '--json'])).stdout,
  ) as StorySummary[];
  const details: StoryDetail[] = [];
  for (const story of listed)
    details.push(JSON.parse((await runCli(['--db', db, 'stories', 'show', story.id, '--json'])).stdout));
  const found = details
    .map((story) =>
      story.articles
        .map((member) => member.id)
        .sort()
        .join(' '),
    )
    .sort();
  const expected = [...key.stories.map((story) => story.articles), ...key.distractors.map((id) => [id])]
    .map((ids) => [...ids].sort().join(' '))
    .sort();
  assert.deepEqual(found, expected);
  const duplicates = details
    .flatMap((story) =>
      story.duplicateGroups.map((group) =>
        group.members
          .map((member) => member.id)
          .sort()
          .join(' '),
      ),
    )
    .sort();
  const keyed = key.stories
    .flatMap((story) => story.duplicates.map((pair) => [...pair].sort().join(' ')))
    .sort();
  assert.deepEqual(duplicates, keyed);
});
