import assert from 'node:assert/strict';
import { mkdir, open, symlink, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { DEFAULT_MAX_BYTES, DEFAULT_READ_OPTIONS, readInputs } from './read-inputs.ts';
import { collect, describeRejections, documentsOf, makeTempDir } from './test-support.ts';

const STORY = 'Harbour ferries resumed on Friday after a two-day strike ended with a pay deal.\n';

test('a plain text file becomes one document identified by its base name', async (t) => {
  const dir = await makeTempDir(t);
  const path = join(dir, 'ferries.txt');
  await writeFile(path, STORY);
  const results = await collect(readInputs([path]));
  assert.deepEqual(results, [
    {
      ok: true,
      document: {
        id: 'ferries.txt',
        format: 'text',
        content: STORY,
        provided: {},
        source: {
          kind: 'text',
          location: path,
          charset: 'utf-8',
          charsetOrigin: 'default',
          contentType: 'text/plain',
          byteLength: Buffer.byteLength(STORY),
        },
      },
    },
  ]);
});

test('HTML is recognised by extension and, without one, by sniffing', async (t) => {
  const dir = await makeTempDir(t);
  const page = '<!DOCTYPE html>\n<html><body><p>Ferries resumed.</p></body></html>';
  await writeFile(join(dir, 'page.htm'), '<p>Fragment named as HTML.</p>');
  await writeFile(join(dir, 'saved-page'), page);
  await writeFile(join(dir, 'notes'), 'Just notes, no markup.');
  const docs = documentsOf(await collect(readInputs([dir])));
  assert.deepEqual(
    docs.map((d) => [d.id, d.format, d.source.kind, d.source.contentType]),
    [
      ['notes', 'text', 'text', undefined],
      ['page.htm', 'html', 'html', 'text/html'],
      ['saved-page', 'html', 'html', undefined],
    ],
  );
});

test('a directory is read recursively in code-point order, skipping hidden files and directories', async (t) => {
  const dir = await makeTempDir(t);
  const corpus = join(dir, 'corpus');
  await mkdir(join(corpus, 'x', 'deeper'), { recursive: true });
  await mkdir(join(corpus, '.cache'), { recursive: true });
  for (const name of [
    'b.txt',
    'a.txt',
    'Z.txt',
    'x/b.html',
    'x/deeper/c.txt',
    '.hidden.txt',
    '.cache/d.txt',
  ]) {
    await writeFile(join(corpus, name), `${name}: ${STORY}`);
  }
  const docs = documentsOf(await collect(readInputs([corpus])));
  assert.deepEqual(
    docs.map((d) => d.id),
    ['Z.txt', 'a.txt', 'b.txt', 'x/b.html', 'x/deeper/c.txt'],
  );
  assert.equal(docs[3]?.source.location, join(corpus, 'x', 'b.html'));
});

test('symlinked files are followed; symlinked directories and broken links are reported', async (t) => {
  const dir = await makeTempDir(t);
  const corpus = join(dir, 'corpus');
  await mkdir(join(dir, 'elsewhere'), { recursive: true });
  await mkdir(corpus);
  await writeFile(join(dir, 'elsewhere', 'real.txt'), STORY);
  await symlink(join(dir, 'elsewhere', 'real.txt'), join(corpus, 'a-link.txt'));
  await symlink(join(dir, 'elsewhere'), join(corpus, 'b-dir-link'));
  await symlink(join(dir, 'nowhere.txt'), join(corpus, 'c-broken.txt'));
  const results = await collect(readInputs([corpus]));
  assert.deepEqual(
    documentsOf(results).map((d) => [d.id, d.content]),
    [['a-link.txt', STORY]],
  );
  assert.deepEqual(describeRejections(results), [
    `${join(corpus, 'b-dir-link')}: symlinked directory not followed`,
    `${join(corpus, 'c-broken.txt')}: broken symlink (no such file or directory)`,
  ]);
});

test('a glob yields its matches, identified relative to the static base of the pattern', async (t) => {
  const dir = await makeTempDir(t);
  await mkdir(join(dir, 'corpus', 'x'), { recursive: true });
  for (const name of ['a.txt', 'b.html', 'x/c.txt']) await writeFile(join(dir, 'corpus', name), STORY);
  const docs = documentsOf(await collect(readInputs([`${dir}/corpus/**/*.txt`])));
  assert.deepEqual(
    docs.map((d) => d.id),
    ['a.txt', 'x/c.txt'],
  );
});

test('paths and globs matching nothing are rejections, and the batch goes on', async (t) => {
  const dir = await makeTempDir(t);
  const good = join(dir, 'good.txt');
  await writeFile(good, STORY);
  const missing = join(dir, 'missing.txt');
  const noMatch = `${dir}/*.nothing`;
  const results = await collect(readInputs([missing, noMatch, good]));
  assert.deepEqual(describeRejections(results), [
    `${missing}: no such file or directory`,
    `${noMatch}: no such file, directory or glob match`,
  ]);
  assert.deepEqual(
    documentsOf(results).map((d) => d.id),
    ['good.txt'],
  );
});

test('empty, whitespace-only and binary files are rejected with their reason', async (t) => {
  const dir = await makeTempDir(t);
  await writeFile(join(dir, 'a-empty.txt'), '');
  await writeFile(join(dir, 'b-blank.txt'), '  \n\n\t ');
  await writeFile(
    join(dir, 'c-image.png'),
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
  );
  await writeFile(join(dir, 'd-ok.txt'), STORY);
  const results = await collect(readInputs([dir]));
  assert.deepEqual(describeRejections(results), [
    `${join(dir, 'a-empty.txt')}: empty file`,
    `${join(dir, 'b-blank.txt')}: empty file`,
    `${join(dir, 'c-image.png')}: binary file`,
  ]);
  assert.equal(documentsOf(results).length, 1);
});

test('a file over the cap is rejected with the limit and how to raise it', async (t) => {
  const dir = await makeTempDir(t);
  const path = join(dir, 'long.txt');
  await writeFile(path, STORY.repeat(100));
  const results = await collect(readInputs([path], { maxBytes: 1000 }));
  assert.deepEqual(describeRejections(results), [`${path}: larger than 1000 bytes (raise with --max-bytes)`]);
});

test('a 50 MB file is refused from its size alone, before anything is read', async (t) => {
  const dir = await makeTempDir(t);
  const fifty = join(dir, 'fifty.txt');
  // Sparse files: their size exists on disk without the bytes being written.
  await writeFile(fifty, '');
  await truncate(fifty, 50 * 1024 * 1024);
  // 8 GiB cannot fit in a Node buffer, so a reader that read it before checking would fail differently.
  const huge = join(dir, 'huge.html');
  const handle = await open(huge, 'w');
  await handle.truncate(8 * 1024 ** 3);
  await handle.close();
  const results = await collect(readInputs([fifty, huge]));
  assert.equal(DEFAULT_READ_OPTIONS.maxBytes, DEFAULT_MAX_BYTES);
  assert.deepEqual(describeRejections(results), [
    `${fifty}: larger than 10 MiB (raise with --max-bytes)`,
    `${huge}: larger than 10 MiB (raise with --max-bytes)`,
  ]);
});

test('charsets: invalid UTF-8 is rejected, windows-1252 and UTF-16 with a BOM are decoded', async (t) => {
  const dir = await makeTempDir(t);
  const quoted = 'The mayor called it \u201ca fair deal\u201d at the caf\u00e9.';
  await writeFile(
    join(dir, 'a-broken.txt'),
    Buffer.concat([Buffer.from('D\u00e9j\u00e0 vu: '), Buffer.from([0xe2, 0x28, 0xa1])]),
  );
  await writeFile(join(dir, 'b-cp1252.txt'), iconv.encode(quoted, 'windows-1252'));
  await writeFile(
    join(dir, 'c-utf16.txt'),
    Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(quoted, 'utf-16le')]),
  );
  const results = await collect(readInputs([dir]));
  assert.deepEqual(describeRejections(results), [
    `${join(dir, 'a-broken.txt')}: invalid UTF-8 at byte 11 (2 invalid bytes)`,
  ]);
  assert.deepEqual(
    documentsOf(results).map((d) => [d.content, d.source.charset, d.source.charsetOrigin]),
    [
      [quoted, 'windows-1252', 'detected'],
      [quoted, 'utf-16le', 'bom'],
    ],
  );
});

test('.gz files are inflated transparently, truncated ones rejected, bombs stopped at the cap', async (t) => {
  const dir = await makeTempDir(t);
  const html = `<html><body><p>${STORY}</p></body></html>`;
  const gz = gzipSync(html);
  await writeFile(join(dir, 'a-page.html.gz'), gz);
  await writeFile(join(dir, 'b-cut.txt.gz'), gz.subarray(0, gz.length - 12));
  await writeFile(join(dir, 'c-bomb.txt.gz'), gzipSync(Buffer.alloc(1024 * 1024, 'a')));
  const results = await collect(readInputs([dir], { maxBytes: 4096 }));
  assert.deepEqual(describeRejections(results), [
    `${join(dir, 'b-cut.txt.gz')}: truncated gzip`,
    `${join(dir, 'c-bomb.txt.gz')}: larger than 4096 bytes (raise with --max-bytes)`,
  ]);
  const [doc] = documentsOf(results);
  assert.equal(doc?.id, 'a-page.html.gz');
  assert.equal(doc?.format, 'html');
  assert.equal(doc?.content, html);
  assert.equal(doc?.source.byteLength, Buffer.byteLength(html));
});

test('stdin is read for "-": one document is `stdin`, JSON Lines are `stdin:N`, gzip is inflated', async () => {
  const single = await collect(readInputs(['-'], { stdin: Readable.from([Buffer.from(STORY)]) }));
  assert.deepEqual(
    documentsOf(single).map((d) => [d.id, d.source.kind, d.source.location, d.content]),
    [['stdin', 'stdin', '-', STORY]],
  );
  const lines = `${JSON.stringify({ title: 'One', text: 'First story.' })}\n${JSON.stringify({ text: 'Second story.' })}\n`;
  const jsonl = await collect(readInputs(['-'], { stdin: Readable.from([gzipSync(lines)]) }));
  assert.deepEqual(
    documentsOf(jsonl).map((d) => [d.id, d.source.kind, d.source.locator, d.content]),
    [
      ['stdin:1', 'jsonl', 'line 1', 'First story.'],
      ['stdin:2', 'jsonl', 'line 2', 'Second story.'],
    ],
  );
  const empty = await collect(readInputs(['-'], { stdin: Readable.from([]) }));
  assert.deepEqual(describeRejections(empty), ['stdin: empty file']);
});

test('excluded paths are skipped and reported to onSkip, even inside a directory argument', async (t) => {
  const dir = await makeTempDir(t);
  await writeFile(join(dir, 'story.txt'), STORY);
  await writeFile(join(dir, 'news.db'), Buffer.from([0, 1, 2, 0]));
  const skipped: [string, string][] = [];
  const results = await collect(
    readInputs([dir], {
      excludePaths: [join(dir, 'news.db')],
      onSkip: (item, reason) => skipped.push([item, reason]),
    }),
  );
  assert.deepEqual(
    documentsOf(results).map((document) => document.id),
    ['story.txt'],
  );
  assert.equal(results.length, 1, 'the excluded file yields no rejection either');
  assert.deepEqual(skipped, [[join(dir, 'news.db'), 'excluded: it is the database being written']]);
});
