import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { runCli } from '../support/run-cli.ts';
import { repoRoot } from '../support/shared-data.ts';

/** Enough files that the ingest is still running after its first batches commit. */
const FILES = 6_000;
const BATCH = 50;

function writeCorpus(directory: string): void {
  mkdirSync(directory, { recursive: true });
  for (let i = 0; i < FILES; i++) {
    writeFileSync(
      join(directory, `note-${String(i).padStart(5, '0')}.txt`),
      `Council notice number ${i}\n\nThe council published notice ${i} on road works in district ${i % 40}, ` +
        `with lane closures expected for ${1 + (i % 9)} days and diversions signposted for buses and cyclists.\n`,
    );
  }
}

test('killing an ingest mid-run loses nothing committed and a re-run finishes without duplicates', async () => {
  const work = mkdtempSync(join(tmpdir(), 'dossier-kill-'));
  try {
    const corpus = join(work, 'corpus');
    const db = join(work, 'kill.db');
    writeCorpus(corpus);
    const child = spawn(
      join(repoRoot, 'bin', 'dossier'),
      ['--db', db, 'ingest', corpus, '--batch-size', String(BATCH)],
      {
        stdio: 'ignore',
      },
    );
    const exited = new Promise((resolve) => child.on('exit', resolve));
    let committed = 0;
    for (let attempt = 0; attempt < 600 && committed === 0; attempt++) {
      await sleep(25);
      try {
        const store = openSqliteStore(db);
        committed = await store.countArticles();
        await store.close();
      } catch {
        // The child may not have created the schema yet.
      }
    }
    child.kill('SIGKILL');
    await exited;
    assert.ok(committed > 0, 'some batches committed before the kill');

    const store = openSqliteStore(db);
    const afterKill = await store.countArticles();
    await store.close();
    assert.ok(afterKill < FILES, 'the kill landed mid-run');
    assert.equal(afterKill % BATCH, 0, 'only whole batches are committed');

    const rerun = await runCli(['--db', db, 'ingest', corpus, '--json']);
    assert.equal(rerun.code, 0, rerun.stderr);
    const { counts } = JSON.parse(rerun.stdout) as { counts: { inserted: number; unchanged: number } };
    assert.equal(counts.unchanged, afterKill);
    assert.equal(counts.inserted, FILES - afterKill);
    const reopened = openSqliteStore(db);
    assert.equal(await reopened.countArticles(), FILES);
    await reopened.close();
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
