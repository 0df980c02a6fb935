import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { getBodyText, sliceSpan } from '../model/article-text.ts';
import { makeTestArticle } from './test-article.ts';

test('plain text: the original is the text, the title is removed and the paragraphs are the body', () => {
  const article = makeTestArticle({ title: 'Dam opens', paragraphs: ['Water flowed.', 'Crowds watched.'] });
  assert.equal(article.original.content, article.text);
  assert.equal(article.contentHash, createHash('sha256').update(article.text).digest('hex'));
  assert.equal(getBodyText(article), 'Water flowed.\n\nCrowds watched.');
  assert.deepEqual(
    article.removed.map((span) => [sliceSpan(article.text, span), span.reason]),
    [['Dam opens', 'title']],
  );
  assert.equal(sliceSpan(article.text, article.title!.span!), 'Dam opens');
});

test('html: every text run maps back to its escaped form in the markup', () => {
  const article = makeTestArticle({ title: 'A < B', paragraphs: ['Fish & chips.'], format: 'html' });
  assert.deepEqual(
    article.textMap.map((segment) => [
      sliceSpan(article.text, segment),
      article.original.content.slice(segment.originalStart, segment.originalEnd),
    ]),
    [
      ['A < B', 'A &lt; B'],
      ['Fish & chips.', 'Fish &amp; chips.'],
    ],
  );
});

test('equal specs build equal articles with ids derived from the content', () => {
  assert.deepEqual(makeTestArticle({ paragraphs: ['Same.'] }), makeTestArticle({ paragraphs: ['Same.'] }));
  assert.notEqual(makeTestArticle({ paragraphs: ['One.'] }).id, makeTestArticle({ paragraphs: ['Two.'] }).id);
});
