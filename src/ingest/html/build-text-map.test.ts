import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseHTML } from 'linkedom';
import { buildTextMap } from './build-text-map.ts';
import type { DomElement } from './dom.ts';
import { renderContent } from './render-content.ts';
import { scanHtmlText } from './scan-html-text.ts';

function mapMarkup(source: string, parsed: string) {
  const { document } = parseHTML(`<html><body>${parsed}</body></html>`);
  const rendered = renderContent(document.body as DomElement);
  return { text: rendered.text, map: buildTextMap(rendered.atoms, scanHtmlText(source)) };
}

test('nodes parsed from the same markup map one to one, entities as a whole', () => {
  const html = '<p>Salt &amp; pepper</p><p>Second  line</p>';
  const { text, map } = mapMarkup(html, html);
  assert.equal(text, 'Salt & pepper\n\nSecond line');
  assert.deepEqual(
    map.map((s) => [text.slice(s.start, s.end), html.slice(s.originalStart, s.originalEnd)]),
    [
      ['Salt ', 'Salt '],
      ['&', '&amp;'],
      [' pepper', ' pepper'],
      ['Second', 'Second'],
      [' ', '  '],
      ['line', 'line'],
    ],
  );
});

test('a source run split into several nodes (re-parsed serialisation) maps piece by piece', () => {
  // linkedom serialises ' as &#39;, so re-parsing "It's a 'test'" yields the nodes It | ' | s a | ' | test | '.
  const source = "<p>It's a 'test'</p>";
  const { text, map } = mapMarkup(source, '<p>It&#39;s a &#39;test&#39;</p>');
  assert.equal(text, "It's a 'test'");
  const covered = map.reduce((sum, s) => sum + (s.end - s.start), 0);
  assert.equal(covered, text.length);
  for (const s of map) assert.equal(source.slice(s.originalStart, s.originalEnd), text.slice(s.start, s.end));
});

test('text that is not in the source stays unmapped', () => {
  const { map } = mapMarkup('<p>Only this</p>', '<p>Only this</p><p>Injected later</p>');
  assert.equal(map.length, 1);
  assert.deepEqual(map[0], { start: 0, end: 9, originalStart: 3, originalEnd: 12 });
});
