import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { runCli } from '../support/run-cli.ts';
import { repoRoot, sharedPath } from '../support/shared-data.ts';

const run = promisify(execFile);
const dossier = join(repoRoot, 'bin', 'dossier');
const corpus = join(repoRoot, 'examples', 'corpus');
const seeds = sharedPath('seeds');

interface Record {
  id: string;
  title: string | null;
  byline: string | null;
  text: string;
  removed: { start: number; end: number; reason: string }[];
  signals: { [kind: string]: unknown[] };
}

test('bin/dossier runs from the checkout and prints help with examples', async () => {
  const { stdout } = await run(dossier, ['--help']);
  for (const command of ['ingest', 'articles', 'search', 'extract', 'rejects'])
    assert.match(stdout, new RegExp(command));
  const { stdout: ingestHelp } = await run(dossier, ['ingest', '--help']);
  assert.match(ingestHelp, /Examples:/);
});

test('extract --jsonl prints one object per input with ids stripped of extensions', async () => {
  const files = readdirSync(corpus)
    .filter((name) => /\.(txt|html)(\.gz)?$/.test(name))
    .map((name) => join(corpus, name));
  const result = await runCli(['extract', ...files, '--jsonl']);
  assert.equal(result.code, 0, result.stderr);
  const records = result.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record);
  assert.equal(records.length, files.length);
  const ids = records.map((record) => record.id);
  assert.ok(ids.includes('sennagazette-quillfield-recall'));
  assert.ok(ids.includes('harborledger-north-quay-walkout'));
  for (const record of records) {
    assert.ok(record.text.length > 500, `${record.id} has body text`);
    assert.doesNotMatch(record.text, /Leave a Reply|Your email address will not be published/);
  }
});

test('extract --json on the content-farm seed finds its byline and keeps FAQ as a signal', {
  skip: seeds.skip,
}, async () => {
  const { stdout } = await run(dossier, ['extract', join(seeds.path, '002_0c15a5adf7728c5b.txt'), '--json']);
  const record = JSON.parse(stdout) as Record;
  assert.equal(record.id, '002_0c15a5adf7728c5b');
  assert.equal(record.byline, 'Chief Editor');
  assert.ok(record.title && record.title.length > 0);
  assert.doesNotMatch(record.text, /Leave a Comment|You may also like/);
  assert.ok(Object.keys(record.signals).length > 0, 'content-farm markers are recorded');
});

test('extract --json refuses several files as a usage error', async () => {
  const result = await runCli([
    'extract',
    join(corpus, 'northgate-tessel-flood.txt'),
    join(corpus, 'arcline-quillfield-recall.txt'),
    '--json',
  ]);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /--json takes exactly one file/);
});
