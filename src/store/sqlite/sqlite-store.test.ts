import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { runStoreContract } from '../store-contract.ts';
import { makeTestArticle } from '../test-article.ts';
import { MIGRATIONS, type Migration, migrateDatabase, readUserVersion } from './migrations.ts';
import { openSqliteStore } from './sqlite-store.ts';

runStoreContract('sqlite :memory:', () => openSqliteStore(':memory:'));

const scratch = mkdtempSync(join(tmpdir(), 'dossier-sqlite-store-'));
after(() => rmSync(scratch, { recursive: true, force: true }));
let files = 0;
function scratchPath(): string {
  files++;
  return join(scratch, `store-${files}.db`);
}

runStoreContract('sqlite file', () => openSqliteStore(scratchPath()));

/** Reads the raw database after the store has closed it. */
function inspect<T>(path: string, read: (db: Database.Database) => T): T {
  const db = new Database(path, { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

describe('sqlite store: files and schema', () => {
  test('migration versions count 1, 2, 3… without gaps', () => {
    assert.deepEqual(
      MIGRATIONS.map((migration) => migration.version),
      MIGRATIONS.map((_, index) => index + 1),
    );
  });

  test('creates the full schema in a new file and in an existing empty file, in WAL mode', async () => {
    const emptyFile = scratchPath();
    writeFileSync(emptyFile, '');
    for (const path of [scratchPath(), emptyFile]) {
      const store = openSqliteStore(path);
      await store.close();
      inspect(path, (db) => {
        assert.equal(readUserVersion(db), MIGRATIONS.length);
        assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
        const tables = db
          .prepare<[], string>(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE '%fts_%' AND name NOT LIKE 'sqlite_%'",
          )
          .pluck()
          .all()
          .sort();
        assert.deepEqual(tables, [
          'articles',
          'articles_fts',
          'duplicate_groups',
          'duplicates',
          'engine_checkpoint',
          'rejections',
          'runs',
          'stories',
          'story_aliases',
          'story_articles',
        ]);
      });
    }
  });

  test('reopening a file keeps articles, runs, rejections and the search index', async () => {
    const path = scratchPath();
    const article = makeTestArticle({
      id: 'kept',
      title: 'Glacier retreat measured',
      published: '2025-06-01',
    });
    const first = openSqliteStore(path);
    const runId = await first.beginRun(['survey.txt']);
    await first.saveBatch(runId, [article], [{ item: 'survey.txt#2', reason: 'empty item' }]);
    await first.finishRun(runId, { inserted: 1, updated: 0, unchanged: 0, rejected: 1 });
    await first.close();

    const second = openSqliteStore(path);
    try {
      assert.deepEqual(await second.getArticle('kept'), article);
      assert.deepEqual(
        (await second.search('glacier')).map((hit) => hit.id),
        ['kept'],
      );
      assert.deepEqual(
        (await second.listRejections(runId)).map((r) => r.item),
        ['survey.txt#2'],
      );
      const runs = await second.listRuns();
      assert.deepEqual(
        runs.map((run) => [run.id, run.counts.inserted, run.finishedAt !== undefined]),
        [[runId, 1, true]],
      );
      const runAgain = await second.beginRun(['survey.txt']);
      assert.deepEqual(await second.saveBatch(runAgain, [article], []), {
        inserted: 0,
        updated: 0,
        unchanged: 1,
        rejected: 0,
      });
    } finally {
      await second.close();
    }
  });

  test('refuses a database from a newer schema version with a one-line error naming the file', () => {
    const path = scratchPath();
    const db = new Database(path);
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    db.close();
    assert.throws(
      () => openSqliteStore(path),
      (error: Error) => {
        assert.match(error.message, /newer than this Dossier supports/);
        assert.ok(error.message.includes(path), error.message);
        assert.ok(!error.message.includes('\n'), 'one line');
        return true;
      },
    );
    assert.equal(
      inspect(path, (raw) => readUserVersion(raw)),
      MIGRATIONS.length + 1,
      'the newer file is left untouched',
    );
  });

  test('refuses a file that is not a database, naming it', () => {
    const path = scratchPath();
    writeFileSync(path, 'these are notes, not a database\n'.repeat(200));
    assert.throws(
      () => openSqliteStore(path),
      /^Error: cannot open store .*store-\d+\.db: file is not a database$/,
    );
  });

  test('upgrades an older database step by step and rolls back a failing step', () => {
    const path = scratchPath();
    const steps: Migration[] = [
      { version: 1, description: 'notes', sql: 'CREATE TABLE notes (body TEXT NOT NULL);' },
      {
        version: 2,
        description: 'tags',
        sql: "CREATE TABLE tags (name TEXT); INSERT INTO notes VALUES ('v2');",
      },
      { version: 3, description: 'broken', sql: 'CREATE TABLE half (x); INSERT INTO missing VALUES (1);' },
    ];
    const db = new Database(path);
    try {
      assert.equal(migrateDatabase(db, steps.slice(0, 1)), 1);
      db.prepare("INSERT INTO notes VALUES ('v1')").run();
      assert.equal(migrateDatabase(db, steps.slice(0, 2)), 2);
      assert.deepEqual(db.prepare('SELECT body FROM notes').pluck().all(), ['v1', 'v2'], 'v1 data kept');

      assert.throws(
        () => migrateDatabase(db, steps),
        /^Error: schema migration 3 \(broken\) failed: no such table: missing$/,
      );
      assert.equal(readUserVersion(db), 2);
      assert.equal(
        db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'half'").pluck().get(),
        0,
        'nothing of the failed step remains',
      );
      assert.equal(migrateDatabase(db, steps.slice(0, 2)), 2, 'an up-to-date database is left alone');
    } finally {
      db.close();
    }
  });

  test('keeps the FTS index consistent with its content through inserts and replacements', async () => {
    const path = scratchPath();
    const store = openSqliteStore(path);
    const runId = await store.beginRun(['churn']);
    for (let round = 0; round < 5; round++) {
      const articles = Array.from({ length: 20 }, (_, index) =>
        makeTestArticle({
          id: `churn-${index}`,
          title: `Round ${round}`,
          paragraphs: [`Version ${round} of ${index}.`],
        }),
      );
      await store.saveBatch(runId, articles, []);
    }
    assert.equal((await store.search('round')).length, 20);
    await store.close();
    const db = new Database(path);
    try {
      // FTS5's own check compares the index with the external content table and throws on any mismatch.
      db.prepare("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)").run();
      assert.equal(db.prepare('SELECT count(*) FROM articles_fts').pluck().get(), 20);
    } finally {
      db.close();
    }
  });
});

describe('sqlite store: crash safety', () => {
  const writer = join(dirname(fileURLToPath(import.meta.url)), 'test-support', 'save-until-killed.ts');
  /** Large enough that most of the writer's time is spent inside a transaction, so the kill lands mid-batch. */
  const perBatch = 200;
  /** Committed batches to wait for before killing: enough that several WAL commits precede the kill. */
  const batchesBeforeKill = 5;

  test('a writer killed with SIGKILL leaves exactly its committed batches and an intact file', async () => {
    const path = scratchPath();
    const child = spawn(process.execPath, ['--import', 'tsx', writer, path, String(perBatch)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const exit = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('close', (_code, signal) => resolve(signal)),
    );
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      if (stdout.split('\n').length > batchesBeforeKill) child.kill('SIGKILL');
    });
    assert.equal(await exit, 'SIGKILL', `the writer should run until killed; stderr: ${stderr}`);

    const reported = stdout.trim().split('\n').map(Number);
    const lastReported = reported.at(-1)!;
    assert.ok(existsSync(`${path}-wal`), 'the kill left a write-ahead log to recover from');

    const store = openSqliteStore(path);
    try {
      const sizes = new Map<number, number>();
      for (const summary of await store.listArticles()) {
        const batch = Number(summary.id.split('-')[1]);
        sizes.set(batch, (sizes.get(batch) ?? 0) + 1);
      }
      const batches = [...sizes.keys()].sort((a, b) => a - b);
      // Every reported batch committed; at most one more committed before its line was written.
      assert.ok(
        batches.length === lastReported + 1 || batches.length === lastReported + 2,
        `${batches.length} batches`,
      );
      assert.deepEqual(
        batches,
        batches.map((_, index) => index),
      );
      for (const [batch, size] of sizes) assert.equal(size, perBatch, `batch ${batch} is whole`);
      assert.equal(
        (await store.listRejections()).length,
        batches.length,
        'rejections committed with their batch',
      );
      const [run] = await store.listRuns();
      assert.equal(run?.counts.inserted, batches.length * perBatch);
      assert.equal(run?.finishedAt, undefined);
    } finally {
      await store.close();
    }
    assert.equal(
      inspect(path, (db) => db.pragma('integrity_check', { simple: true })),
      'ok',
    );
  });
});
