import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cleanArticle } from './clean-article.ts';
import { findCleanViolations } from './find-clean-violations.ts';

/**
 * The span invariants on many generated texts: fragments of every kind the rules look at (and
 * whitespace oddities between them) in random order, cleaned as plain text and as HTML text.
 */
const FRAGMENTS = [
  'Ferry fares to rise in spring',
  'By Lena Ortiz | Transport Reporter',
  'Updated 8:15 AM EST Feb 3, 2024',
  'OSLO (Nordic Wire) — Ferry operators will raise fares by 4 percent from April, the transport ministry said on Monday.',
  'Passenger groups said the rise would hit commuters hardest, and called for a review of the subsidy scheme.',
  '"We have kept fares flat for three years," operator spokesman Jon Berg said.',
  'A cinematic, photorealistic image of a ferry at dusk, soft natural light, 8k.',
  'Also Read:',
  'Harbour tunnel plans delayed again',
  'Leave a Reply',
  'Name *',
  'Share: Facebook | X | Email',
  'ADVERTISEMENT',
  '© 2024 Nordic Wire. All rights reserved.',
  'Pro Tip: Buy a monthly pass before the rise.',
  'FAQ',
  'Q: When do fares rise?',
  'A: In April.',
  'Operators will update this story as more information becomes available.',
  '—',
  '\u200b',
  'Tags: ferries, fares',
];
const SEPARATORS = ['\n', '\n\n', '\r\n', '\n \n', '\n\t\n\n', '  \n'];

/** Park–Miller minimal standard generator: deterministic, so a failure can be replayed by seed. */
function createRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 48271) % 2147483647;
    return state / 2147483647;
  };
}

test('invariants hold on generated texts of every fragment kind', () => {
  for (let seed = 1; seed <= 300; seed++) {
    const random = createRandom(seed);
    const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)]!;
    const parts: string[] = [];
    const count = 1 + Math.floor(random() * 14);
    for (let i = 0; i < count; i++)
      parts.push(random() < 0.2 ? ` ${pick(FRAGMENTS)} ` : pick(FRAGMENTS), pick(SEPARATORS));
    const text = parts.join('');
    for (const format of ['text', 'html'] as const) {
      const result = cleanArticle({ text, format, knownTitle: FRAGMENTS[0] });
      assert.deepEqual(
        findCleanViolations(text, result),
        [],
        `seed ${seed}, ${format}: ${JSON.stringify(text)}`,
      );
    }
  }
});

test('findCleanViolations reports lost text, overlaps and untrimmed spans', () => {
  const text = 'Alpha beta.\n\nGamma delta.';
  assert.deepEqual(findCleanViolations(text, { body: [{ start: 0, end: 11 }], removed: [], signals: [] }), [
    'text at 13 is unaccounted for',
  ]);
  const overlapping = findCleanViolations(text, {
    body: [{ start: 0, end: 11 }],
    removed: [{ start: 6, end: 25, reason: 'boilerplate' }],
    signals: [],
  });
  assert.ok(overlapping.some((violation) => violation.includes('overlaps')));
  const untrimmed = findCleanViolations(text, {
    body: [{ start: 0, end: 13 }],
    removed: [{ start: 13, end: 25, reason: 'boilerplate' }],
    signals: [],
  });
  assert.ok(untrimmed.some((violation) => violation.includes('whitespace at an edge')));
});
