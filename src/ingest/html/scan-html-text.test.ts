import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scanHtmlText } from './scan-html-text.ts';

test('text runs carry their source offsets; entities are runs of their own spanning the reference', () => {
  const html = '<p class="x">Fish &amp; chips</p><!-- note --><p>&#x1F41F;ok</p>';
  const runs = scanHtmlText(html);
  assert.deepEqual(
    runs.map((run) => [run.data, html.slice(run.start, run.end), run.entity]),
    [
      ['Fish ', 'Fish ', false],
      ['&', '&amp;', true],
      [' chips', ' chips', false],
      ['🐟', '&#x1F41F;', true],
      ['ok', 'ok', false],
    ],
  );
});

test('scripts, styles, svg and titles are not scanned', () => {
  const html =
    '<title>T</title><script>var a = "<p>x</p>";</script><style>p{}</style><svg><text>S</text></svg><p>kept</p>';
  assert.deepEqual(
    scanHtmlText(html).map((run) => run.data),
    ['kept'],
  );
});
