import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseStoredArticle, serializeArticle } from './article-json.ts';
import { makeTestArticle } from './test-article.ts';

test('stores the text of a plain-text article once and restores it on read', () => {
  const article = makeTestArticle({ title: 'Tide tables', paragraphs: ['Low water at noon.'] });
  const json = serializeArticle(article);
  assert.equal(JSON.parse(json).text, undefined);
  assert.equal(json.split('Low water at noon.').length - 1, 1, 'the text appears once');
  assert.deepEqual(parseStoredArticle(json, article.id), article);
});

test('keeps the extracted text of an HTML article, which differs from the markup', () => {
  const article = makeTestArticle({ paragraphs: ['Salt & pepper.'], format: 'html' });
  const json = serializeArticle(article);
  assert.equal(JSON.parse(json).text, 'Salt & pepper.');
  assert.deepEqual(parseStoredArticle(json, article.id), article);
});

test('refuses another schema version or broken JSON, naming the article', () => {
  const future = JSON.stringify({ ...makeTestArticle(), schemaVersion: 2 });
  assert.throws(
    () => parseStoredArticle(future, 'a-1'),
    /^Error: article a-1: stored with schemaVersion 2, but this Dossier reads version 1$/,
  );
  assert.throws(
    () => parseStoredArticle('{"schemaVersion":1', 'a-2'),
    /^Error: article a-2: stored JSON is unreadable/,
  );
});
