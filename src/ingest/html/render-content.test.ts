import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseHTML } from 'linkedom';
import type { DomElement } from './dom.ts';
import { renderContent } from './render-content.ts';

function renderBody(markup: string): ReturnType<typeof renderContent> {
  const { document } = parseHTML(`<html><body>${markup}</body></html>`);
  return renderContent(document.body as DomElement);
}

test('blocks are separated by one blank line; inline whitespace collapses', () => {
  const { text } = renderBody(
    '<h2>  A   heading </h2>\n<p>First\n   paragraph with <b>bold</b> and <i>italic</i>.</p><div><p>Nested</p></div>',
  );
  assert.equal(text, 'A heading\n\nFirst paragraph with bold and italic.\n\nNested');
});

test('list items are paragraphs of their own; br is a line break', () => {
  const { text } = renderBody(
    '<ul><li>one</li><li>two <a href="#">link</a></li></ul><p>line one<br>line two<br/><br>line three</p>',
  );
  assert.equal(text, 'one\n\ntwo link\n\nline one\nline two\nline three');
});

test('pre keeps its whitespace; table cells are separated by spaces and rows by paragraphs', () => {
  const { text } = renderBody(
    '<pre>a  b\n  c</pre><table><tr><td>x</td><td>y</td></tr><tr><th>z</th></tr></table>',
  );
  assert.equal(text, 'a  b\n  c\n\nx y\n\nz');
});

test('media, controls and scripts render nothing; a no-break space is content', () => {
  const { text } = renderBody(
    '<p>Before<button>Share</button> <video>no video</video>after&nbsp;it</p><select><option>A</option></select>',
  );
  assert.equal(text, 'Before after\u00a0it');
});

test('atoms record where each rendered run sits in its text node', () => {
  const { text, atoms } = renderBody('<p>  Hello   world  </p>');
  assert.equal(text, 'Hello world');
  assert.deepEqual(
    atoms.map(({ start, end, dataStart, dataEnd }) => ({ start, end, dataStart, dataEnd })),
    [
      { start: 0, end: 5, dataStart: 2, dataEnd: 7 },
      { start: 5, end: 6, dataStart: 7, dataEnd: 10 },
      { start: 6, end: 11, dataStart: 10, dataEnd: 15 },
    ],
  );
});
