import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractHtml } from './extract-html.ts';
import { ARTICLE_PARAGRAPHS, buildTestPage } from './test-page.ts';

test('the article text is its paragraphs separated by blank lines, without title, nav or footer', () => {
  const { text } = extractHtml(buildTestPage());
  assert.equal(text, ARTICLE_PARAGRAPHS.join('\n\n'));
});

test('a page without an article yields empty text', () => {
  const html =
    '<html><head><title>Login</title></head><body><form><input name="user"><button>Sign in</button></form></body></html>';
  const extraction = extractHtml(html);
  assert.equal(extraction.text, '');
  assert.deepEqual(extraction.textMap, []);
});

test('captions, share bars, related links, newsletter boxes and author bios are removed', () => {
  const html = buildTestPage({
    inArticle: `
      <figure><img src="a.jpg"><figcaption>The reading room at dusk. Photo: Quarry Gazette</figcaption></figure>
      <div class="wp-caption"><p class="wp-caption-text">Shelves awaiting new stock</p></div>
      <div class="share-bar"><a href="#">Facebook</a> <a href="#">Twitter</a> Share this story</div>
      <div class="related-stories"><h3>More from Quarry Lane</h3><ul><li><a href="/a">Bins collected late again</a></li></ul></div>
      <div class="newsletter-signup"><p>Get the Gazette in your inbox every morning before breakfast.</p></div>
      <div class="author-bio"><p>Sam Reed covers the council and has lived in the town for thirty years.</p></div>
      <p><a href="/other">Read next: Bowling green to get new fence</a></p>`,
  });
  assert.equal(extractHtml(html).text, ARTICLE_PARAGRAPHS.join('\n\n'));
});

test('an embedded post inside a furniture-named box stays: quoted posts are content', () => {
  const html = buildTestPage({
    inArticle: `<div class="article-widget"><blockquote class="embedded-post"><p>Sundays at the library, finally!</p></blockquote></div>`,
  });
  assert.match(extractHtml(html).text, /Sundays at the library, finally!$/);
});

test('hidden elements are left out', () => {
  const html = buildTestPage({
    inArticle: '<p style="display: none">Subscriber-only teaser text.</p><p hidden>Also hidden.</p>',
  });
  const { text } = extractHtml(html);
  assert.doesNotMatch(text, /teaser|Also hidden/);
});

test('the text map points each run at its source in the HTML, entities as a whole', () => {
  const html = buildTestPage({
    inArticle: '<p>Tea &amp; cake   will be served &ndash; free of charge.</p>',
  });
  const { text, textMap } = extractHtml(html);
  assert.match(text, /Tea & cake will be served – free of charge\.$/);
  assert.ok(textMap.length > 0);
  for (const segment of textMap) {
    const rendered = text.slice(segment.start, segment.end);
    const source = html.slice(segment.originalStart, segment.originalEnd);
    if (segment.end - segment.start === segment.originalEnd - segment.originalStart) {
      // One-to-one runs are the source characters, except collapsed whitespace.
      assert.equal(rendered.replace(/\s/g, ' '), source.replace(/\s/g, ' '));
    }
  }
  const ampersand = text.indexOf('&');
  const entity = textMap.find((s) => s.start === ampersand);
  assert.ok(entity);
  assert.equal(html.slice(entity.originalStart, entity.originalEnd), '&amp;');
  const dash = textMap.find((s) => s.start === text.indexOf('–'));
  assert.ok(dash);
  assert.equal(html.slice(dash.originalStart, dash.originalEnd), '&ndash;');
  // Every visible character of the article paragraphs is mapped.
  const first = ARTICLE_PARAGRAPHS[0]!;
  const covering = textMap.find((s) => s.start === 0);
  assert.ok(covering);
  assert.equal(html.slice(covering.originalStart, covering.originalStart + first.length), first);
});

test('metadata: JSON-LD wins over Open Graph, which wins over plain meta; origins are recorded', () => {
  const html = buildTestPage({
    head: `
      <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
        {"@type":"WebSite","name":"Quarry Gazette site"},
        {"@type":"NewsArticle","headline":"Library to open on Sundays &#8211; council vote",
         "author":[{"@type":"Person","name":"Sam Reed"},"Ana Ruiz"],
         "datePublished":"2024-03-05T09:30:00+00:00",
         "publisher":{"@type":"Organization","name":"Quarry Gazette"},
         "mainEntityOfPage":{"@id":"https://gazette.example/library-sundays"}}]}</script>
      <meta property="og:title" content="OG title">
      <meta property="og:site_name" content="Gazette OG">
      <meta property="article:modified_time" content="2024-03-06T10:00:00Z">
      <meta property="article:author" content="https://social.example/samreed">
      <meta name="author" content="Meta Author">
      <meta name="description" content="Sunday opening agreed.">
      <link rel="canonical" href="/library-sundays-canonical">`,
  });
  const { metadata } = extractHtml(html, { url: 'https://gazette.example/news/1' });
  assert.deepEqual(metadata.title, { value: 'Library to open on Sundays – council vote', origin: 'json-ld' });
  assert.deepEqual(metadata.byline, { value: 'Sam Reed, Ana Ruiz', origin: 'json-ld' });
  assert.deepEqual(metadata.published, { value: '2024-03-05T09:30:00+00:00', origin: 'json-ld' });
  assert.deepEqual(metadata.modified, { value: '2024-03-06T10:00:00Z', origin: 'open-graph' });
  assert.deepEqual(metadata.outlet, { value: 'Quarry Gazette', origin: 'json-ld' });
  assert.deepEqual(metadata.url, { value: 'https://gazette.example/library-sundays', origin: 'json-ld' });
  assert.equal(metadata.lang, 'en-GB');
  assert.equal(metadata.description, 'Sunday opening agreed.');
});

test('metadata: malformed JSON-LD is skipped, Open Graph and meta tags still apply', () => {
  const html = buildTestPage({
    head: `
      <script type="application/ld+json">{"@type":"NewsArticle","headline":"Broken",}</script>
      <meta property="og:title" content="Library to open on Sundays">
      <meta property="article:published_time" content="2024-03-05">
      <meta name="author" content="Sam Reed">
      <meta name="date" content="March 4, 2024">
      <link rel="canonical" href="/library">`,
  });
  const { metadata } = extractHtml(html, { url: 'https://gazette.example/news/1' });
  assert.deepEqual(metadata.title, { value: 'Library to open on Sundays', origin: 'open-graph' });
  assert.deepEqual(metadata.published, { value: '2024-03-05', origin: 'open-graph' });
  assert.deepEqual(metadata.byline, { value: 'Sam Reed', origin: 'meta' });
  assert.deepEqual(metadata.url, { value: 'https://gazette.example/library', origin: 'meta' });
});

test('metadata: without any tags, Readability supplies the title', () => {
  const { metadata } = extractHtml(buildTestPage());
  assert.equal(metadata.title?.origin, 'readability');
  assert.match(metadata.title?.value ?? '', /Library to open on Sundays/);
  assert.equal(metadata.byline, undefined);
});

test('markup without an <html> root is parsed as a document body', () => {
  assert.equal(extractHtml('').text, '');
  const fragment = ARTICLE_PARAGRAPHS.map((text) => `<p>${text}</p>`).join('');
  assert.equal(extractHtml(fragment).text, ARTICLE_PARAGRAPHS.join('\n\n'));
});

test('metadata: an article nested as the mainEntity of a WebPage is found', () => {
  const html = buildTestPage({
    head: `<script type="application/ld+json">{"@type":"WebPage","mainEntity":{"@type":"BlogPosting","headline":"Sunday hours","author":"Sam Reed"}}</script>`,
  });
  const { metadata } = extractHtml(html);
  assert.deepEqual(metadata.title, { value: 'Sunday hours', origin: 'json-ld' });
  assert.deepEqual(metadata.byline, { value: 'Sam Reed', origin: 'json-ld' });
});

test('an element cut before parsing leaves the text around it mappable', () => {
  const html = buildTestPage({
    inArticle: '<p>Doors open at nine<button>Share</button> and close at five.</p>',
  });
  const { text, textMap } = extractHtml(html);
  assert.match(text, /Doors open at nine and close at five\.$/);
  const start = text.indexOf('Doors');
  const covered = textMap
    .filter((s) => s.start >= start)
    .map((s) => html.slice(s.originalStart, s.originalEnd))
    .join('');
  assert.equal(covered, 'Doors open at nine and close at five.');
});

test('a pathologically deep page is flattened, not stalled on, and keeps its text', () => {
  const paragraphs = ARTICLE_PARAGRAPHS.map((text) => `<p>${text}</p>`).join('');
  const html = `<html><body>${'<div>'.repeat(3000)}${paragraphs}${'</div>'.repeat(3000)}</body></html>`;
  const { text, textMap } = extractHtml(html);
  for (const paragraph of ARTICLE_PARAGRAPHS) assert.ok(text.includes(paragraph));
  assert.equal(
    textMap.reduce((sum, s) => sum + (s.end - s.start), 0),
    text.replace(/\s+/g, ' ').length,
  );
});
