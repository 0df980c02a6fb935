import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runCli } from '../support/run-cli.ts';
import { repoRoot } from '../support/shared-data.ts';

const corpus = join(repoRoot, 'examples', 'corpus');
/** 6 .txt + 1 .txt.gz + 3 .html + 2 JSONL lines + 1 feed item, per examples/README.md. */
const EXAMPLE_ARTICLES = 13;

describe('dossier ingest on the bundled example corpus', () => {
  let work: string;
  let db: string;
  before(() => {
    work = mkdtempSync(join(tmpdir(), 'dossier-e2e-'));
    db = join(work, 'examples.db');
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  test('ingests every example article and reports the counts', async () => {
    const run = await runCli(['--db', db, 'ingest', corpus]);
    assert.equal(run.stderr, '');
    assert.equal(run.code, 0);
    assert.match(run.stdout, new RegExp(`${EXAMPLE_ARTICLES} new, 0 updated, 0 unchanged, 0 rejected`));
  });

  test('a second run over the same inputs changes nothing', async () => {
    const run = await runCli(['--db', db, 'ingest', corpus, '--json']);
    assert.equal(run.code, 0);
    const summary = JSON.parse(run.stdout) as { counts: Record<string, number> };
    assert.deepEqual(summary.counts, { inserted: 0, updated: 0, unchanged: EXAMPLE_ARTICLES, rejected: 0 });
  });

  test('lists the articles with ids taken from paths, JSONL ids and feed items', async () => {
    const run = await runCli(['--db', db, 'articles', 'list', '--json']);
    const rows = JSON.parse(run.stdout) as { id: string; title?: string }[];
    assert.equal(rows.length, EXAMPLE_ARTICLES);
    const ids = rows.map((row) => row.id);
    assert.ok(ids.includes('arcline-port-elwin-strike.txt'));
    assert.ok(ids.includes('sennagazette-quillfield-recall.txt.gz'));
    assert.ok(
      rows.every((row) => row.title && row.title.length > 10),
      'every example article has a title',
    );
  });

  test('shows an HTML article with metadata provenance and a map back into the markup', async () => {
    const run = await runCli([
      '--db',
      db,
      'articles',
      'show',
      'harborledger-north-quay-walkout.html',
      '--json',
    ]);
    assert.equal(run.code, 0);
    const article = JSON.parse(run.stdout);
    assert.equal(article.original.format, 'html');
    assert.ok(article.published, 'published date found in the page metadata');
    assert.notEqual(article.published.origin, 'text');
    assert.ok(article.textMap.length > 0);
    for (const segment of article.textMap.slice(0, 20)) {
      const derived = article.text.slice(segment.start, segment.end);
      const source = article.original.content.slice(segment.originalStart, segment.originalEnd);
      if (derived.length === source.length) assert.equal(derived, source);
    }
  });

  test('keeps the removed noise out of the body, with reasons', async () => {
    const run = await runCli(['--db', db, 'articles', 'show', 'arcline-port-elwin-strike.txt', '--json']);
    const article = JSON.parse(run.stdout) as {
      text: string;
      body: { start: number; end: number }[];
      removed: { start: number; end: number; reason: string }[];
      byline?: { value: string };
    };
    const reasons = new Set(article.removed.map((span) => span.reason));
    assert.ok(reasons.has('title'));
    assert.ok(reasons.has('repeated-title'));
    assert.equal(article.byline?.value, 'Odile Corvin');
    const body = article.body.map((span) => article.text.slice(span.start, span.end)).join('\n\n');
    assert.doesNotMatch(body, /^By Odile Corvin$/m);
  });

  test('finds articles by words and phrases in their body', async () => {
    const run = await runCli(['--db', db, 'search', 'embankment', '--json']);
    const hits = JSON.parse(run.stdout) as { id: string }[];
    assert.ok(hits.some((hit) => hit.id === 'lowlandobserver-embankment-analysis.html'));
    assert.ok(!hits.some((hit) => hit.id === 'arcline-quillfield-recall.txt'));
  });

  test('an unknown article id is a one-line error with exit code 2', async () => {
    const run = await runCli(['--db', db, 'articles', 'show', 'no-such-article']);
    assert.equal(run.code, 2);
    assert.equal(run.stderr.trim().split('\n').length, 1);
    assert.match(run.stderr, /no article with id "no-such-article"/);
  });
});

describe('dossier ingest with bad inputs', () => {
  let work: string;
  before(() => {
    work = mkdtempSync(join(tmpdir(), 'dossier-e2e-bad-'));
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  test('rejects each bad item with its reason, ingests the rest and exits 1', async () => {
    const inputs = join(work, 'inputs');
    const db = join(work, 'bad.db');
    mkdirSync(inputs);
    writeFileSync(join(inputs, 'empty.txt'), '');
    writeFileSync(join(inputs, 'binary.dat'), Buffer.from([0, 1, 2, 3, 0, 255, 0, 12, 0, 0, 7, 8]));
    writeFileSync(
      join(inputs, 'good.txt'),
      'Ferry service resumes after storm\n\nThe ferry between the two islands resumed on Friday after a ' +
        'three-day suspension, the operator said, with extra sailings planned for the weekend.\n',
    );
    writeFileSync(
      join(inputs, 'lines.jsonl'),
      '{"id":"j1","title":"T","text":"Some text about a harbour."}\n{oops\n',
    );
    const run = await runCli(['--db', db, 'ingest', inputs, join(work, 'missing-file.txt')]);
    assert.equal(run.code, 1);
    const errorLines = run.stderr.trim().split('\n');
    assert.equal(errorLines.length, 4, run.stderr);
    assert.ok(errorLines.every((line) => line.startsWith('dossier: rejected ')));
    assert.match(run.stderr, /empty\.txt: .*empty/);
    assert.match(run.stderr, /binary\.dat: .*binary/);
    assert.match(run.stderr, /lines\.jsonl:2: /);
    assert.match(run.stderr, /missing-file\.txt: /);
    const listed = JSON.parse((await runCli(['--db', db, 'articles', 'list', '--json'])).stdout) as {
      id: string;
    }[];
    assert.deepEqual(listed.map((row) => row.id).sort(), ['good.txt', 'j1']);
    const rejects = JSON.parse((await runCli(['--db', db, 'rejects', '--json'])).stdout) as {
      item: string;
    }[];
    assert.equal(rejects.length, 4);
  });

  test('usage errors exit with code 2', async () => {
    assert.equal((await runCli(['ingest'])).code, 2);
    assert.equal((await runCli(['no-such-command'])).code, 2);
    assert.equal((await runCli(['articles', 'list', '--limit', 'many'])).code, 2);
  });

  test('reads an article from stdin', async () => {
    const db = join(work, 'stdin.db');
    const text =
      'Library extends opening hours\n\nThe central library will stay open until nine in the evening from ' +
      'next month, the council announced, after a survey of more than two thousand readers.\n';
    const run = await runCli(['--db', db, 'ingest', '-'], text);
    assert.equal(run.code, 0, run.stderr);
    const listed = JSON.parse((await runCli(['--db', db, 'articles', 'list', '--json'])).stdout) as {
      title: string;
    }[];
    assert.equal(listed[0]?.title, 'Library extends opening hours');
  });
});
