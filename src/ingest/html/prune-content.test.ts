import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseHTML } from 'linkedom';
import type { DomElement } from './dom.ts';
import { pruneContent } from './prune-content.ts';
import { FURNITURE_MARK } from './prune-document.ts';
import { renderContent } from './render-content.ts';

function pruneAndRender(markup: string): string {
  const { document } = parseHTML(`<html><body><div id="root">${markup}</div></body></html>`);
  const root = document.querySelector('#root') as DomElement;
  pruneContent(root);
  return renderContent(root).text;
}

const LONG_PARAGRAPH =
  'The ferry timetable changes on Monday, with the first crossing leaving half an hour earlier to suit commuters who start work before eight.';

test('of several sibling articles the first one stays when it is substantial', () => {
  const text = pruneAndRender(`
    <article><p>${LONG_PARAGRAPH}</p><p>${LONG_PARAGRAPH}</p></article>
    <article><h2>Teaser one</h2><p>${LONG_PARAGRAPH} ${LONG_PARAGRAPH} ${LONG_PARAGRAPH}</p></article>
    <article><h2>Teaser two</h2><p>A short card.</p></article>`);
  assert.equal(text, `${LONG_PARAGRAPH}\n\n${LONG_PARAGRAPH}`);
});

test('a one-line card before the article is passed over for the largest article', () => {
  const text = pruneAndRender(`
    <article><p>Card</p></article>
    <article><p>${LONG_PARAGRAPH}</p></article>`);
  assert.equal(text, LONG_PARAGRAPH);
});

test('blocks that are mostly link text go, prose with inline links stays', () => {
  const text = pruneAndRender(`
    <p>${LONG_PARAGRAPH} See <a href="/t">the timetable</a>.</p>
    <p>Related: <a href="/x">Harbour wall repairs finish early this year</a></p>
    <ul><li><a href="/y">Bus lane plan shelved</a></li></ul>`);
  assert.equal(text, `${LONG_PARAGRAPH} See the timetable.`);
});

test('furniture names are removed unless the element holds most of the text', () => {
  assert.equal(
    pruneAndRender(`<p>${LONG_PARAGRAPH}</p><div class="share-tools">Share on social</div>`),
    LONG_PARAGRAPH,
  );
  assert.equal(
    pruneAndRender(`<div class="share-wrap"><p>${LONG_PARAGRAPH}</p></div><p>Short.</p>`),
    `${LONG_PARAGRAPH}\n\nShort.`,
  );
});

test('elements marked as furniture before Readability ran are removed', () => {
  assert.equal(
    pruneAndRender(`<p>${LONG_PARAGRAPH}</p><p ${FURNITURE_MARK}>Photo: Harbour Office</p>`),
    LONG_PARAGRAPH,
  );
});
