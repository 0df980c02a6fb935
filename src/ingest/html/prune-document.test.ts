import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseHTML } from 'linkedom';
import type { DomDocument } from './dom.ts';
import { FURNITURE_MARK, pruneDocument } from './prune-document.ts';

const PROSE =
  'The ferry timetable changes on Monday, with the first crossing leaving half an hour earlier to suit commuters who start work before eight.';

function prune(body: string): DomDocument {
  const { document } = parseHTML(`<html><body>${body}</body></html>`);
  pruneDocument(document as DomDocument);
  return document as DomDocument;
}

test('structural furniture and hidden elements are removed', () => {
  const document = prune(
    `<nav>Home</nav><div role="navigation">Menu</div><aside>Ads</aside><p hidden>Gone</p><p style="color: red; display:none">Also gone</p><p>${PROSE}</p>`,
  );
  assert.equal(document.body?.textContent, PROSE);
});

test('named furniture is marked, with its chain of only children, but not removed', () => {
  const document = prune(
    `<p>${PROSE} ${PROSE} ${PROSE}</p><div class="photo-credit"><p>Photo: Harbour Office</p></div><div class="related-links"><ul><li>One</li><li>Two</li></ul></div>`,
  );
  const credit = document.querySelector('.photo-credit');
  assert.ok(credit?.hasAttribute(FURNITURE_MARK));
  assert.ok(credit?.querySelector('p')?.hasAttribute(FURNITURE_MARK));
  const related = document.querySelector('.related-links');
  assert.ok(related?.querySelector('ul')?.hasAttribute(FURNITURE_MARK));
  assert.equal(related?.querySelector('li')?.hasAttribute(FURNITURE_MARK), false);
  assert.match(document.body?.textContent ?? '', /Harbour Office/);
});

test('a named wrapper holding most of the page, or a quotation, is not marked', () => {
  const document = prune(
    `<div class="content-with-sidebar"><p>${PROSE}</p></div><div class="embed-widget"><blockquote>Quoted post</blockquote></div>`,
  );
  assert.equal(document.querySelector('.content-with-sidebar')?.hasAttribute(FURNITURE_MARK), false);
  assert.equal(document.querySelector('.embed-widget')?.hasAttribute(FURNITURE_MARK), false);
});
