import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getBodyText } from '../model/article-text.ts';
import type { RawDocument } from '../model/raw-document.ts';
import { hashContent, prepareArticle } from './prepare-article.ts';

const NOW = new Date('2026-11-22T10:00:00Z');

function makeDocument(content: string, overrides: Partial<RawDocument> = {}): RawDocument {
  return {
    id: 'story.txt',
    format: 'text',
    content,
    provided: {},
    source: {
      kind: 'text',
      location: 'story.txt',
      charset: 'utf-8',
      charsetOrigin: 'default',
      byteLength: content.length,
    },
    ...overrides,
  };
}

const STORY =
  'Ferry service resumes after storm\nBy Ada Lintern\n\nThe ferry between Orrin and Callow Island resumed on ' +
  'Friday after a three-day suspension, the operator said, adding extra sailings for the weekend.\n\n' +
  'Leave a Reply\n';

test('a text document becomes an article whose text is the input, with fields read from it', () => {
  const result = prepareArticle(makeDocument(STORY), NOW);
  assert.ok(result.ok);
  const { article } = result;
  assert.equal(article.text, STORY);
  assert.deepEqual(article.textMap, []);
  assert.equal(article.contentHash, hashContent(STORY));
  assert.equal(article.title?.value, 'Ferry service resumes after storm');
  assert.equal(article.title?.origin, 'text');
  assert.equal(article.byline?.value, 'Ada Lintern');
  assert.match(getBodyText(article), /^The ferry between Orrin/);
  assert.doesNotMatch(getBodyText(article), /Leave a Reply/);
  assert.equal(article.lang.code, 'en');
  assert.equal(article.ingestedAt, NOW.toISOString());
});

test('container-provided metadata outranks what the text says, and records its origin', () => {
  const result = prepareArticle(
    makeDocument(STORY, {
      provided: { title: 'Ferries back', author: 'Desk', published: '2026-11-20T08:00:00Z' },
    }),
    NOW,
  );
  assert.ok(result.ok);
  assert.deepEqual(result.article.title, { value: 'Ferries back', origin: 'provided' });
  assert.deepEqual(result.article.byline, { value: 'Desk', origin: 'provided' });
  assert.deepEqual(result.article.published, { value: '2026-11-20T08:00:00Z', origin: 'provided' });
});

test('HTML metadata is used, the text maps back into the markup, and the URL comes from a URL location', () => {
  const html =
    '<html lang="en"><head><title>Bridge reopens | Valley Post</title>' +
    '<meta property="og:site_name" content="Valley Post">' +
    '<meta property="article:published_time" content="2026-11-18T09:30:00Z"></head><body><article>' +
    '<h1>Bridge reopens</h1><p>The Harlow Street bridge reopened to traffic on Wednesday after eight months of ' +
    'repairs, the county said, two weeks ahead of schedule.</p><p>Engineers replaced the deck &amp; bearings and ' +
    'widened the footpath on the downstream side, according to the county highways department.</p>' +
    '</article></body></html>';
  const result = prepareArticle(
    makeDocument(html, {
      id: 'https://valleypost.example/bridge',
      format: 'html',
      source: {
        kind: 'url',
        location: 'https://valleypost.example/bridge',
        charset: 'utf-8',
        charsetOrigin: 'declared',
        byteLength: html.length,
      },
    }),
    NOW,
  );
  assert.ok(result.ok);
  const { article } = result;
  assert.equal(article.outlet?.value, 'Valley Post');
  assert.equal(article.published?.origin, 'open-graph');
  assert.equal(article.url?.value, 'https://valleypost.example/bridge');
  assert.match(getBodyText(article), /deck & bearings/);
  assert.ok(article.textMap.length > 0);
  for (const segment of article.textMap) {
    const derived = article.text.slice(segment.start, segment.end);
    const original = article.original.content.slice(segment.originalStart, segment.originalEnd);
    if (derived.length === original.length) assert.equal(derived, original);
  }
});

test('a document with no article text is rejected with a reason naming it', () => {
  const result = prepareArticle(
    makeDocument('<html><body><nav><a href="/">Home</a></nav></body></html>', {
      id: 'empty.html',
      format: 'html',
    }),
    NOW,
  );
  assert.equal(result.ok, false);
  assert.ok(!result.ok);
  assert.equal(result.rejection.item, 'empty.html');
  assert.equal(result.rejection.reason, 'no article content found in the HTML');
});
