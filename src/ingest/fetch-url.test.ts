import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { fetchUrl } from './fetch-url.ts';
import { DEFAULT_READ_OPTIONS, readInputs } from './read-inputs.ts';
import { collect, describeRejections, documentsOf, findClosedPort, startTestServer } from './test-support.ts';

const LOCAL = { ...DEFAULT_READ_OPTIONS, allowPrivateNetwork: true };
const PAGE = '<!doctype html><html><body><p>Flood barriers held overnight.</p></body></html>';

test('a page is fetched with the declared User-Agent and becomes an HTML document', async (t) => {
  const server = await startTestServer({
    '/story': (_, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE),
  });
  t.after(() => server.close());
  const url = server.url('/story');
  const results = await collect(readInputs([url], { allowPrivateNetwork: true }));
  assert.equal(server.requests[0]?.headers['user-agent'], DEFAULT_READ_OPTIONS.userAgent);
  const [doc] = documentsOf(results);
  assert.deepEqual(
    { ...doc, source: { ...doc?.source, fetchedAt: undefined } },
    {
      id: url,
      format: 'html',
      content: PAGE,
      provided: { url },
      source: {
        kind: 'url',
        location: url,
        charset: 'utf-8',
        charsetOrigin: 'declared',
        contentType: 'text/html',
        byteLength: Buffer.byteLength(PAGE),
        fetchedAt: undefined,
      },
    },
  );
  assert.ok(!Number.isNaN(Date.parse(doc?.source.fetchedAt ?? '')));
});

test('charset comes from the header, else <meta>, else detection', async (t) => {
  const quoted = 'Officials said \u201cthe levee held\u201d near the caf\u00e9.';
  const server = await startTestServer({
    '/header': (_, res) =>
      res
        .writeHead(200, { 'content-type': 'text/plain; charset=windows-1252' })
        .end(iconv.encode(quoted, 'windows-1252')),
    '/meta': (_, res) =>
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end(
          iconv.encode(
            `<html><head><meta charset="windows-1252"></head><body>${quoted}</body></html>`,
            'windows-1252',
          ),
        ),
    '/sniff': (_, res) =>
      res.writeHead(200, { 'content-type': 'text/plain' }).end(iconv.encode(quoted, 'windows-1252')),
  });
  t.after(() => server.close());
  const docs = documentsOf(await collect(readInputs(['/header', '/meta', '/sniff'].map(server.url), LOCAL)));
  assert.deepEqual(
    docs.map((d) => [d.format, d.content.includes(quoted), d.source.charset, d.source.charsetOrigin]),
    [
      ['text', true, 'windows-1252', 'declared'],
      ['html', true, 'windows-1252', 'declared'],
      ['text', true, 'windows-1252', 'detected'],
    ],
  );
});

test('gzip, deflate and br content-encodings are undone', async (t) => {
  const server = await startTestServer({
    '/gzip': (_, res) =>
      res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(gzipSync(PAGE)),
    '/br': (_, res) =>
      res
        .writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'br' })
        .end(brotliCompressSync(PAGE)),
  });
  t.after(() => server.close());
  for (const path of ['/gzip', '/br']) {
    const result = await fetchUrl(server.url(path), LOCAL);
    assert.equal(result.ok && result.resource.bytes.toString(), PAGE, path);
  }
});

test('redirects are followed; a loop and too many hops are rejections', async (t) => {
  const hop = (to: string) => (_: unknown, res: import('node:http').ServerResponse) =>
    res.writeHead(302, { location: to }).end();
  const server = await startTestServer({
    '/old': hop('/new'),
    '/new': (_, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE),
    '/ping': hop('/pong'),
    '/pong': hop('/ping'),
    '/1': hop('/2'),
    '/2': hop('/3'),
    '/3': hop('/4'),
    '/4': hop('/new'),
  });
  t.after(() => server.close());
  const followed = await fetchUrl(server.url('/old'), LOCAL);
  assert.equal(followed.ok && followed.resource.url, server.url('/new'));
  assert.deepEqual(await fetchUrl(server.url('/ping'), LOCAL), {
    ok: false,
    reason: `redirect loop (${server.url('/pong')} → ${server.url('/ping')})`,
  });
  assert.deepEqual(await fetchUrl(server.url('/1'), { ...LOCAL, maxRedirects: 2 }), {
    ok: false,
    reason: 'too many redirects (more than 2)',
  });
  const fourHops = await fetchUrl(server.url('/1'), { ...LOCAL, maxRedirects: 4 });
  assert.equal(fourHops.ok, true);
});

test('bodies over the cap are refused, by Content-Length or while streaming', async (t) => {
  const big = 'x'.repeat(5000);
  const server = await startTestServer({
    '/declared': (_, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end(big),
    '/chunked': (_, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      for (let i = 0; i < 10; i++) res.write(big);
      res.end();
    },
    '/bomb': (_, res) =>
      res
        .writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' })
        .end(gzipSync(big.repeat(100))),
  });
  t.after(() => server.close());
  for (const path of ['/declared', '/chunked', '/bomb']) {
    assert.deepEqual(
      await fetchUrl(server.url(path), { ...LOCAL, maxBytes: 1000 }),
      { ok: false, reason: 'larger than 1000 bytes (raise with --max-bytes)' },
      path,
    );
  }
});

test('HTTP errors, unsupported types, timeouts and unreachable hosts are rejections naming the URL', async (t) => {
  const server = await startTestServer({
    '/image': (_, res) => res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.from([0x89, 0x50])),
    '/silent': () => {
      // Never answers: the client's timeout must end the request.
    },
  });
  t.after(() => server.close());
  const closedPort = await findClosedPort();
  const unreachable = `http://127.0.0.1:${closedPort}/story`;
  const urls = [server.url('/gone'), server.url('/image'), server.url('/silent'), unreachable];
  const results = await collect(readInputs(urls, { allowPrivateNetwork: true, timeoutMs: 300 }));
  assert.deepEqual(describeRejections(results), [
    `${urls[0]}: HTTP 404 Not Found`,
    `${urls[1]}: unsupported content type image/png`,
    `${urls[2]}: timed out after 0.3 s`,
    `${unreachable}: connection refused by 127.0.0.1:${closedPort}`,
  ]);
});

test('loopback and private targets are refused by default, by literal address or by DNS answer', async (t) => {
  const server = await startTestServer({
    '/story': (_, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE),
  });
  t.after(() => server.close());
  const literal = server.url('/story');
  const named = literal.replace('127.0.0.1', 'localhost');
  // Disguised loopback: IPv4-mapped IPv6 and a decimal IPv4, both normalized by the URL parser.
  const disguised = ['http://[::ffff:127.0.0.1]/', 'http://2130706433/'];
  const results = await collect(
    readInputs([
      literal,
      named,
      'http://10.1.2.3/',
      'http://[::1]/',
      'http://169.254.169.254/',
      ...disguised,
    ]),
  );
  const reasons = describeRejections(results);
  // localhost may resolve to 127.0.0.1 or ::1 first, depending on the system's resolver.
  assert.match(
    reasons[1] ?? '',
    /^http:\/\/localhost:\d+\/story: refused: localhost resolves to loopback address /,
  );
  assert.deepEqual(reasons.toSpliced(1, 1), [
    `${literal}: refused loopback address 127.0.0.1 (private network access is off)`,
    'http://10.1.2.3/: refused private address 10.1.2.3 (private network access is off)',
    'http://[::1]/: refused loopback address ::1 (private network access is off)',
    'http://169.254.169.254/: refused linkLocal address 169.254.169.254 (private network access is off)',
    'http://[::ffff:127.0.0.1]/: refused loopback address ::ffff:7f00:1 (private network access is off)',
    'http://2130706433/: refused loopback address 127.0.0.1 (private network access is off)',
  ]);
  assert.equal(server.requests.length, 0);
});

test('only http and https are fetched', async () => {
  assert.deepEqual(await fetchUrl('ftp://files.example/a.txt', LOCAL), {
    ok: false,
    reason: 'unsupported URL scheme ftp:',
  });
});
