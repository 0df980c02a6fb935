import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { sharedPath } from '../../test/support/shared-data.ts';
import { readInputs } from './read-inputs.ts';
import { readJsonl } from './read-jsonl.ts';
import { collect, describeRejections, documentsOf, makeTempDir } from './test-support.ts';

const ORIGIN = { location: 'data.jsonl', name: 'data.jsonl', idBase: 'data.jsonl' };

function jsonl(...lines: unknown[]): Buffer {
  return Buffer.from(
    lines.map((line) => (typeof line === 'string' ? line : JSON.stringify(line))).join('\n'),
  );
}

test('each line becomes a document: text or html content, metadata in `provided`', async () => {
  const bytes = jsonl(
    {
      id: 'rail-1',
      url: 'https://rail.example/strike',
      outlet: 'Rail Gazette',
      published: '2025-03-04T08:00:00Z',
      title: 'Strike ends',
      text: 'Trains run again.',
    },
    { id: 7, html: '<p>Markup story.</p>', lang: 'en' },
  );
  const docs = documentsOf(await collect(readJsonl([bytes], ORIGIN, 10_000)));
  assert.deepEqual(docs[0], {
    id: 'rail-1',
    format: 'text',
    content: 'Trains run again.',
    provided: {
      url: 'https://rail.example/strike',
      outlet: 'Rail Gazette',
      published: '2025-03-04T08:00:00Z',
      title: 'Strike ends',
    },
    source: {
      kind: 'jsonl',
      location: 'data.jsonl',
      locator: 'line 1',
      charset: 'utf-8',
      charsetOrigin: 'default',
      contentType: 'text/plain',
      byteLength: Buffer.byteLength(bytes.toString().split('\n')[0] ?? ''),
    },
  });
  assert.deepEqual(
    [docs[1]?.id, docs[1]?.format, docs[1]?.content, docs[1]?.provided],
    ['7', 'html', '<p>Markup story.</p>', { lang: 'en' }],
  );
});

test('a malformed line is rejected with its line number and the other lines still come through', async () => {
  const bytes = jsonl(
    { id: 'a', text: 'First.' },
    '{"id": "b", "text": "Unterminated',
    '',
    { id: 'c', title: 42, text: 'Wrong title type.' },
    { id: 'd', title: 'No content' },
    { id: 'e', text: 'One', html: '<p>Two</p>' },
    { id: 'f', text: '   ' },
    '[1, 2]',
    { id: 'g', text: 'Last.' },
  );
  const results = await collect(readJsonl([bytes], ORIGIN, 10_000));
  assert.deepEqual(describeRejections(results), [
    `data.jsonl:2: invalid JSON (${jsonParseMessage('{"id": "b", "text": "Unterminated')})`,
    'data.jsonl:4: invalid article (title: Invalid input: expected string, received number)',
    'data.jsonl:5: invalid article (needs exactly one of "text" or "html")',
    'data.jsonl:6: invalid article (needs exactly one of "text" or "html")',
    'data.jsonl:7: empty text',
    'data.jsonl:8: invalid article (Invalid input: expected object, received array)',
  ]);
  assert.deepEqual(
    documentsOf(results).map((d) => [d.id, d.source.locator]),
    [
      ['a', 'line 1'],
      ['g', 'line 9'],
    ],
  );
});

function jsonParseMessage(text: string): string {
  try {
    JSON.parse(text);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected invalid JSON');
}

test('lines without id fall back to url, then to `file:LINE`; null fields, CRLF and a BOM are tolerated', async () => {
  const bytes = Buffer.concat([
    Buffer.from([0xef, 0xbb, 0xbf]),
    Buffer.from(
      `${JSON.stringify({ id: null, url: 'https://x.example/a', outlet: null, text: 'A.' })}\r\n${JSON.stringify({ text: 'B.' })}\r\n`,
    ),
  ]);
  const docs = documentsOf(await collect(readJsonl([bytes], ORIGIN, 10_000)));
  assert.deepEqual(
    docs.map((d) => [d.id, d.content, d.provided]),
    [
      ['https://x.example/a', 'A.', { url: 'https://x.example/a' }],
      ['data.jsonl:2', 'B.', {}],
    ],
  );
});

test('lines split across chunks are joined; a line over the cap is rejected alone', async () => {
  const long = { id: 'long', text: 'x'.repeat(500) };
  const bytes = jsonl({ id: 'a', text: 'Short.' }, long, { id: 'b', text: 'Also short.' });
  const chunks = [];
  for (let i = 0; i < bytes.length; i += 7) chunks.push(bytes.subarray(i, i + 7));
  const results = await collect(readJsonl(chunks, ORIGIN, 200));
  assert.deepEqual(describeRejections(results), [
    'data.jsonl:2: line larger than 200 bytes (raise with --max-bytes)',
  ]);
  assert.deepEqual(
    documentsOf(results).map((d) => d.content),
    ['Short.', 'Also short.'],
  );
});

test('invalid UTF-8 in a line is rejected for that line', async () => {
  const bytes = Buffer.concat([
    Buffer.from('{"text": "caf'),
    Buffer.from([0xe9]),
    Buffer.from('"}\n{"text": "ok"}'),
  ]);
  const results = await collect(readJsonl([bytes], ORIGIN, 10_000));
  assert.deepEqual(describeRejections(results), ['data.jsonl:1: invalid UTF-8 (JSON Lines must be UTF-8)']);
  assert.equal(documentsOf(results).length, 1);
});

test('.jsonl and .ndjson(.gz) files are read through readInputs; a truncated gzip keeps the lines before it', async (t) => {
  const dir = await makeTempDir(t);
  const lines = jsonl(
    ...Array.from({ length: 200 }, (_, i) => ({ id: `n${i}`, text: `Story number ${i}.` })),
  );
  await writeFile(join(dir, 'a.ndjson.gz'), gzipSync(lines));
  const gz = gzipSync(lines);
  await writeFile(join(dir, 'b.jsonl.gz'), gz.subarray(0, gz.length - 40));
  const results = await collect(readInputs([dir]));
  const docs = documentsOf(results);
  assert.deepEqual(describeRejections(results), [`${join(dir, 'b.jsonl.gz')}: truncated gzip`]);
  assert.equal(docs.filter((d) => d.source.location.endsWith('a.ndjson.gz')).length, 200);
  assert.ok(docs.filter((d) => d.source.location.endsWith('b.jsonl.gz')).length > 0);
});

const articles = sharedPath('data', 'stories', 'articles.jsonl');
test('the shared stories corpus reads without a rejection', { skip: articles.skip }, async () => {
  const lineCount = (await readFile(articles.path, 'utf8')).split('\n').filter((line) => line.trim()).length;
  const results = await collect(readInputs([articles.path]));
  assert.deepEqual(describeRejections(results), []);
  assert.equal(results.length, lineCount);
  const ids = documentsOf(results).map((d) => d.id);
  assert.equal(new Set(ids).size, ids.length);
});
