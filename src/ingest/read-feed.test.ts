import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { readInputs } from './read-inputs.ts';
import { collect, describeRejections, documentsOf, makeTempDir, startTestServer } from './test-support.ts';

const ARTICLE_PAGE =
  '<!doctype html><html><body><article><p>The library reopened its reading room.</p></article></body></html>';

function rss(items: string): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>Valley Courier</title>
    <link>https://courier.example/</link>
    <description>Local news</description>
    <language>en-GB</language>
${items}
  </channel>
</rss>`;
}

test('RSS items with content:encoded become HTML documents; items without content fetch their link', async (t) => {
  const server = await startTestServer({
    '/library': (_, res) =>
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(ARTICLE_PAGE),
  });
  t.after(() => server.close());
  const dir = await makeTempDir(t);
  const path = join(dir, 'courier.rss');
  await writeFile(
    path,
    rss(`
    <item>
      <title>Bridge &amp; road works finish early</title>
      <link>https://courier.example/bridge</link>
      <guid isPermaLink="false">courier-1001</guid>
      <pubDate>Tue, 04 Mar 2025 09:30:00 +0100</pubDate>
      <dc:creator>Ines Marlow</dc:creator>
      <description>Short summary.</description>
      <content:encoded><![CDATA[<p>Crews finished the <b>bridge</b> two weeks early.</p>]]></content:encoded>
    </item>
    <item>
      <title>Library reopens</title>
      <link>${server.url('/library')}</link>
      <description>Only a summary here.</description>
    </item>
    <item>
      <title>Plain text item</title>
      <content:encoded>No markup in this one.</content:encoded>
    </item>`),
  );
  const results = await collect(readInputs([path], { allowPrivateNetwork: true }));
  assert.deepEqual(describeRejections(results), []);
  const [first, second, third] = documentsOf(results);
  assert.deepEqual(first, {
    id: 'courier-1001',
    format: 'html',
    content: '<p>Crews finished the <b>bridge</b> two weeks early.</p>',
    provided: {
      title: 'Bridge & road works finish early',
      url: 'https://courier.example/bridge',
      outlet: 'Valley Courier',
      published: '2025-03-04T08:30:00.000Z',
      author: 'Ines Marlow',
      lang: 'en-GB',
    },
    source: {
      kind: 'feed',
      location: path,
      locator: 'item 1',
      charset: 'utf-8',
      charsetOrigin: 'declared',
      contentType: 'text/html',
      byteLength: Buffer.byteLength('<p>Crews finished the <b>bridge</b> two weeks early.</p>'),
    },
  });
  assert.equal(second?.id, server.url('/library'));
  assert.equal(second?.content, ARTICLE_PAGE);
  assert.equal(second?.format, 'html');
  assert.equal(second?.source.locator, 'item 2');
  assert.equal(second?.source.contentType, 'text/html');
  assert.ok(second?.source.fetchedAt);
  assert.equal(second?.provided.title, 'Library reopens');
  assert.equal(server.requests.length, 1);
  assert.deepEqual(
    [third?.id, third?.format, third?.content],
    [`courier.rss#item 3`, 'text', 'No markup in this one.'],
  );
});

test('Atom entries: id, alternate link, html or text content, author, dates kept as supplied', async (t) => {
  const dir = await makeTempDir(t);
  const path = join(dir, 'updates.atom');
  await writeFile(
    path,
    `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Harbour Notes</title>
  <id>urn:harbour-notes</id>
  <updated>2025-05-01T12:00:00+02:00</updated>
  <entry>
    <id>urn:harbour-notes:17</id>
    <title>Ferry timetable changes</title>
    <link rel="alternate" href="https://harbour.example/ferries"/>
    <link rel="edit" href="https://harbour.example/edit/17"/>
    <published>2025-05-01T10:00:00+02:00</published>
    <updated>2025-05-01T11:00:00+02:00</updated>
    <author><name>Tomas Reyes</name></author>
    <content type="html">&lt;p&gt;Evening sailings move to 19:40.&lt;/p&gt;</content>
  </entry>
  <entry>
    <id>urn:harbour-notes:18</id>
    <title>Quiet week</title>
    <updated>2025-05-02T09:00:00Z</updated>
    <content type="text">Nothing else changed this week.</content>
  </entry>
</feed>`,
  );
  const docs = documentsOf(await collect(readInputs([path])));
  assert.deepEqual(
    docs.map((d) => [d.id, d.format, d.content, d.provided]),
    [
      [
        'urn:harbour-notes:17',
        'html',
        '<p>Evening sailings move to 19:40.</p>',
        {
          title: 'Ferry timetable changes',
          url: 'https://harbour.example/ferries',
          outlet: 'Harbour Notes',
          published: '2025-05-01T10:00:00+02:00',
          author: 'Tomas Reyes',
        },
      ],
      [
        'urn:harbour-notes:18',
        'text',
        'Nothing else changed this week.',
        { title: 'Quiet week', outlet: 'Harbour Notes', published: '2025-05-02T09:00:00Z' },
      ],
    ],
  );
});

test('RDF (RSS 1.0) feeds are read, sniffed from content when the name says nothing', async (t) => {
  const dir = await makeTempDir(t);
  const path = join(dir, 'wire-export');
  await writeFile(
    path,
    `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
  xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://wire.example/">
    <title>Upland Wire</title>
    <link>https://wire.example/</link>
    <description>Wire copy</description>
  </channel>
  <item rdf:about="https://wire.example/orchards">
    <title>Orchards report early bloom</title>
    <link>https://wire.example/orchards</link>
    <dc:date>2025-04-10</dc:date>
    <content:encoded><![CDATA[<p>Growers expect an early harvest.</p>]]></content:encoded>
  </item>
</rdf:RDF>`,
  );
  const docs = documentsOf(await collect(readInputs([path])));
  assert.deepEqual(
    docs.map((d) => [d.id, d.format, d.content, d.provided, d.source.kind, d.source.locator]),
    [
      [
        'https://wire.example/orchards',
        'html',
        '<p>Growers expect an early harvest.</p>',
        {
          title: 'Orchards report early bloom',
          url: 'https://wire.example/orchards',
          outlet: 'Upland Wire',
          published: '2025-04-10',
        },
        'feed',
        'item 1',
      ],
    ],
  );
});

test('malformed feed XML is one rejection for the feed, naming the line', async (t) => {
  const dir = await makeTempDir(t);
  const path = join(dir, 'feed.xml');
  await writeFile(
    path,
    '<rss version="2.0">\n<channel>\n<title>Broken</title>\n</item>\n</channel>\n</rss>\n',
  );
  const results = await collect(readInputs([path]));
  assert.deepEqual(describeRejections(results), [
    `${path}: malformed feed XML: expected closing tag 'channel' (opened in line 2, col 1) instead of closing tag 'item' at line 4`,
  ]);
});

test('a feed from a URL: relative links resolve against it, failing links reject only their item', async (t) => {
  const server = await startTestServer({
    '/feed': (_, res) =>
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(
        rss(`
    <item><title>Works</title><link>/library</link></item>
    <item><title>Missing page</title><link>/gone</link></item>
    <item><title>Nothing at all</title></item>`),
      ),
    '/library': (_, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(ARTICLE_PAGE),
  });
  t.after(() => server.close());
  const feed = server.url('/feed');
  const results = await collect(readInputs([feed], { allowPrivateNetwork: true }));
  assert.deepEqual(describeRejections(results), [
    `${feed}#item 2: fetching ${server.url('/gone')}: HTTP 404 Not Found`,
    `${feed}#item 3: item has neither content nor a link`,
  ]);
  const [doc] = documentsOf(results);
  assert.deepEqual([doc?.id, doc?.source.kind, doc?.source.location], [server.url('/library'), 'feed', feed]);
});

test('item links are fetched through the safe fetcher: private targets are refused by default', async (t) => {
  const dir = await makeTempDir(t);
  const path = join(dir, 'feed.xml');
  await writeFile(path, rss('<item><title>Internal</title><link>http://127.0.0.1:9/admin</link></item>'));
  const results = await collect(readInputs([path]));
  assert.deepEqual(describeRejections(results), [
    `${path}#item 1: fetching http://127.0.0.1:9/admin: refused loopback address 127.0.0.1 (private network access is off)`,
  ]);
});
