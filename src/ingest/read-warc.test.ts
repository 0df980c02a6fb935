import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import iconv from 'iconv-lite';
import { WARCRecord, type WARCRecordOpts, WARCSerializer } from 'warcio';
import { readInputs } from './read-inputs.ts';
import { collect, describeRejections, documentsOf, makeTempDir } from './test-support.ts';

const PAGE =
  '<html><head><title>Dam</title></head><body><p>The dam inspection found \u201cno cracks\u201d.</p></body></html>';

async function record(options: WARCRecordOpts, body: Uint8Array, gzip: boolean): Promise<Uint8Array> {
  return WARCSerializer.serialize(WARCRecord.create(options, [body]), { gzip });
}

/** A small crawl: warcinfo, request, HTML page (windows-1252), image, a 404 page, another HTML page. */
async function buildWarc(gzip: boolean): Promise<Buffer> {
  const date = '2025-06-01T08:00:00Z';
  const parts = [
    await record(
      { type: 'warcinfo', date, warcHeaders: { 'WARC-Filename': 'crawl.warc' } },
      new Uint8Array(),
      gzip,
    ),
    await record(
      {
        type: 'request',
        url: 'https://dam.example/report',
        date,
        statusline: 'GET /report HTTP/1.1',
        httpHeaders: { Host: 'dam.example' },
      },
      new Uint8Array(),
      gzip,
    ),
    await record(
      {
        type: 'response',
        url: 'https://dam.example/report',
        date,
        httpHeaders: { 'Content-Type': 'text/html; charset=windows-1252' },
      },
      iconv.encode(PAGE, 'windows-1252'),
      gzip,
    ),
    await record(
      {
        type: 'response',
        url: 'https://dam.example/photo.png',
        date,
        httpHeaders: { 'Content-Type': 'image/png' },
      },
      new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
      gzip,
    ),
    await record(
      {
        type: 'response',
        url: 'https://dam.example/missing',
        date,
        statusline: 'HTTP/1.1 404 Not Found',
        httpHeaders: { 'Content-Type': 'text/html' },
      },
      Buffer.from('<p>Not here</p>'),
      gzip,
    ),
    await record(
      {
        type: 'response',
        url: 'https://dam.example/second',
        date: '2025-06-01T08:05:00Z',
        httpHeaders: { 'Content-Type': 'text/html' },
      },
      Buffer.from('<p>Second page.</p>'),
      gzip,
    ),
  ];
  return Buffer.concat(parts);
}

for (const gzip of [false, true]) {
  const name = gzip ? 'crawl.warc.gz' : 'crawl.warc';
  test(`${name}: HTML responses become documents, other records are reported as skipped`, async (t) => {
    const dir = await makeTempDir(t);
    const path = join(dir, name);
    await writeFile(path, await buildWarc(gzip));
    const skipped: string[] = [];
    const results = await collect(
      readInputs([path], { onSkip: (item, reason) => skipped.push(`${item}: ${reason}`) }),
    );
    assert.deepEqual(describeRejections(results), []);
    const docs = documentsOf(results);
    assert.deepEqual(
      docs.map((d) => [
        d.id,
        d.format,
        d.content,
        d.provided,
        d.source.kind,
        d.source.fetchedAt,
        d.source.charset,
      ]),
      [
        [
          'https://dam.example/report',
          'html',
          PAGE,
          { url: 'https://dam.example/report' },
          'warc',
          '2025-06-01T08:00:00Z',
          'windows-1252',
        ],
        [
          'https://dam.example/second',
          'html',
          '<p>Second page.</p>',
          { url: 'https://dam.example/second' },
          'warc',
          '2025-06-01T08:05:00Z',
          'utf-8',
        ],
      ],
    );
    assert.deepEqual(
      skipped.map((line) => line.replace(/#offset \d+/, '#offset N')),
      [
        `${path}#offset N: warcinfo record`,
        `${path}#offset N: request record`,
        `${path}#offset N: response with content type image/png`,
        `${path}#offset N: response with HTTP status 404`,
      ],
    );
    // Offsets are positions in the (uncompressed) archive where each record starts.
    const offsets = docs.map((d) => Number(d.source.locator?.replace('offset ', '')));
    assert.ok(offsets[0]! > 0 && offsets[1]! > offsets[0]!);
  });
}

test('a truncated WARC is a rejection after the records before the cut', async (t) => {
  const dir = await makeTempDir(t);
  const whole = await buildWarc(false);
  const cut = join(dir, 'cut.warc');
  await writeFile(cut, whole.subarray(0, whole.length - 10));
  const results = await collect(readInputs([cut]));
  assert.deepEqual(
    describeRejections(results).map((line) => line.replace(/#offset \d+/, '#offset N')),
    [`${cut}#offset N: truncated WARC record`],
  );
  assert.deepEqual(
    documentsOf(results).map((d) => d.id),
    ['https://dam.example/report'],
  );
});

test('a file that is not a WARC, and a truncated .warc.gz, are rejections', async (t) => {
  const dir = await makeTempDir(t);
  const notWarc = join(dir, 'notes.warc');
  await writeFile(notWarc, 'These are meeting notes, not an archive.\r\n\r\nSecond paragraph.\r\n');
  const gz = await buildWarc(true);
  const cutGz = join(dir, 'cut.warc.gz');
  await writeFile(cutGz, gz.subarray(0, gz.length - 30));
  const results = await collect(readInputs([notWarc, cutGz]));
  assert.deepEqual(describeRejections(results), [
    `${notWarc}#offset 0: corrupt WARC: record header without WARC version, WARC-Type or Content-Length`,
    `${cutGz}: truncated gzip`,
  ]);
});

test('a WARC record over the cap is rejected alone', async (t) => {
  const dir = await makeTempDir(t);
  const path = join(dir, 'big.warc');
  const big = await record(
    { type: 'response', url: 'https://dam.example/big', httpHeaders: { 'Content-Type': 'text/html' } },
    Buffer.from(`<p>${'long '.repeat(400)}</p>`),
    false,
  );
  const small = await record(
    { type: 'response', url: 'https://dam.example/small', httpHeaders: { 'Content-Type': 'text/html' } },
    Buffer.from('<p>Small.</p>'),
    false,
  );
  await writeFile(path, Buffer.concat([big, small]));
  const results = await collect(readInputs([path], { maxBytes: 1000 }));
  assert.deepEqual(describeRejections(results), [
    `${path}#offset 0: larger than 1000 bytes (raise with --max-bytes)`,
  ]);
  assert.deepEqual(
    documentsOf(results).map((d) => d.id),
    ['https://dam.example/small'],
  );
});
