import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseHTML } from 'linkedom';
import { hasBoilerplateName, readNameParts } from './boilerplate-names.ts';
import type { DomElement } from './dom.ts';

function element(attributes: string): DomElement {
  const { document } = parseHTML(`<html><body><div ${attributes}></div></body></html>`);
  return document.querySelector('div') as DomElement;
}

test('names split into lower-case parts at camelCase humps and separators, one group per name', () => {
  assert.equal(
    readNameParts(element('class="relatedContent share_bar" id="Main-Story"')),
    'related content / share bar / main story',
  );
});

test('taxonomy and state classes are ignored', () => {
  assert.equal(readNameParts(element('class="post tag-comments category-slider has-sidebar"')), 'post');
  assert.equal(hasBoilerplateName(element('class="post tag-comments category-slider has-sidebar"')), false);
});

test('furniture names match whole parts only', () => {
  assert.equal(hasBoilerplateName(element('class="article-related-links"')), true);
  assert.equal(hasBoilerplateName(element('class="authorBio"')), true);
  assert.equal(hasBoilerplateName(element('class="shareholder-letter"')), false);
  assert.equal(hasBoilerplateName(element('class="loading"')), false);
});

test('a furniture part in one name and another in the next do not form a phrase', () => {
  assert.equal(hasBoilerplateName(element('class="author-x bio-y"')), true); // `bio` alone is an entry
  assert.equal(hasBoilerplateName(element('class="email x-signup"')), true); // `signup` alone is an entry
  assert.equal(hasBoilerplateName(element('class="about the-author"')), false);
});

test('a content name protects an element', () => {
  assert.equal(hasBoilerplateName(element('class="entry-content share-wrap"')), false);
});
