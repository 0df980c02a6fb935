import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RemovalReason } from '../model/span.ts';
import { type CleanInput, type CleanResult, cleanArticle } from './clean-article.ts';
import { findCleanViolations } from './find-clean-violations.ts';

/** Cleans, asserts the span invariants, and returns the result with readable slices. */
function clean(
  input: CleanInput,
): CleanResult & { bodyText: string[]; removedText: [RemovalReason, string][] } {
  const result = cleanArticle(input);
  assert.deepEqual(findCleanViolations(input.text, result), []);
  return {
    ...result,
    bodyText: result.body.map((span) => input.text.slice(span.start, span.end)),
    removedText: result.removed.map((span) => [span.reason, input.text.slice(span.start, span.end)]),
  };
}

const PROSE_A =
  'The harbour authority closed the north pier on Monday after divers found cracks in two of its supports, officials said.';
const PROSE_B =
  'Ferry services will run from the south terminal until repairs are finished, which the authority expects to take six weeks.';
const PROSE_C =
  '"We would rather lose a few weeks than take a chance with people on that pier," harbour master Ines Carvalho said.';

test('headline, repeated headline, byline and timestamp lines are removed and read as fields', () => {
  const text = [
    'Harbour pier shut after divers find cracks',
    'Harbour Pier Shut After Divers Find Cracks',
    'By Rui Matos | Harbour Reporter',
    'Updated 9:10 AM WET Mar 4, 2024',
    '',
    `PORTO (Atlantic Wire) — ${PROSE_A}`,
    '',
    PROSE_B,
  ].join('\n');
  const result = clean({ text, format: 'text' });
  assert.deepEqual(
    result.removedText.map(([reason]) => reason),
    ['title', 'repeated-title', 'byline', 'timestamp'],
  );
  assert.equal(result.title?.value, 'Harbour pier shut after divers find cracks');
  assert.equal(result.byline?.value, 'Rui Matos');
  assert.equal(result.dateline?.value, 'PORTO (Atlantic Wire)');
  assert.equal(result.published?.value, '2024-03-04T09:10+00:00');
  assert.deepEqual(result.bodyText, [`PORTO (Atlantic Wire) — ${PROSE_A}`, PROSE_B]);
});

test('the published date falls back to the URL when the text has none', () => {
  const text = `Pier shut\n\n${PROSE_A}`;
  const result = clean({ text, format: 'text', url: 'https://harbour.example/2024/03/04/pier-shut' });
  assert.deepEqual(result.published, { value: '2024-03-04', origin: 'url' });
});

test('repeated titles are found by the known title in HTML text, ignoring quote style and site suffix', () => {
  const text = `Mayor’s “pier plan” explained\n\n${PROSE_A}\n\nMayor's "Pier Plan" Explained\n\n${PROSE_B}`;
  const result = clean({
    text,
    format: 'html',
    knownTitle: 'Mayor’s “pier plan” explained | Harbour Herald',
  });
  assert.deepEqual(
    result.removedText.map(([reason]) => reason),
    ['title', 'repeated-title'],
  );
  assert.deepEqual(result.bodyText, [PROSE_A, PROSE_B]);
});

test('a known title finds the headline in plain text even below a site header', () => {
  const text = `Harbour Herald | Local News\nPier shut after divers find cracks\n\n${PROSE_A}`;
  const result = clean({ text, format: 'text', knownTitle: 'Pier shut after divers find cracks' });
  assert.equal(result.title?.value, 'Pier shut after divers find cracks');
  assert.deepEqual(result.removedText, [
    ['navigation', 'Harbour Herald | Local News'],
    ['title', 'Pier shut after divers find cracks'],
  ]);
});

test('a short first sentence is not taken for the headline when the known title is elsewhere', () => {
  const text = `Three ferries ran aground.\n\n${PROSE_A}`;
  const result = clean({ text, format: 'text', knownTitle: 'Storm strands ferries' });
  assert.equal(result.title, undefined);
  assert.deepEqual(result.bodyText, ['Three ferries ran aground.', PROSE_A]);
});

test('without a known title, HTML text keeps its first paragraph', () => {
  const text = `Short heading\n\n${PROSE_A}`;
  const result = clean({ text, format: 'html' });
  assert.equal(result.title, undefined);
  assert.deepEqual(result.bodyText, ['Short heading', PROSE_A]);
});

test('comment forms, share bars, newsletter prompts, ad markers and footers are removed', () => {
  const text = [
    'Pier shut',
    '',
    PROSE_A,
    '',
    'ADVERTISEMENT',
    '',
    PROSE_B,
    '',
    'Sign up for the Harbour Herald morning newsletter and get the day’s news in your inbox.',
    '',
    'Share on: Facebook | WhatsApp | Email',
    '',
    'Leave a Reply',
    'Your email address will not be published. Required fields are marked *',
    'Name *',
    'Email *',
    'Post Comment',
    '',
    '© 2024 Harbour Herald Ltd. All rights reserved.',
    'This article was originally published on harbour.example.',
  ].join('\n');
  const result = clean({ text, format: 'text' });
  assert.deepEqual(result.bodyText, [PROSE_A, PROSE_B]);
  assert.deepEqual(
    result.removedText.map(([reason]) => reason),
    ['title', 'ad-marker', 'newsletter-prompt', 'share-prompt', 'comment-prompt', 'copyright'],
  );
});

test('a share bar written one part per line is removed whole, its heading and every network name', () => {
  const text = [
    'Pier shut',
    '',
    PROSE_A,
    '',
    PROSE_B,
    '',
    'Share this:',
    '',
    'Facebook',
    'X',
    'Email',
    '',
    PROSE_C,
  ].join('\n');
  const result = clean({ text, format: 'text' });
  assert.deepEqual(result.bodyText, [PROSE_A, PROSE_B, PROSE_C]);
  assert.deepEqual(result.removedText.slice(1), [
    ['share-prompt', 'Share this:'],
    ['share-prompt', 'Facebook\nX\nEmail'],
  ]);
});

test('related-headline lists: the heading and the title lines after it, not the prose after that', () => {
  const text = [
    'Pier shut',
    PROSE_A,
    PROSE_B,
    'You may also like',
    'Ten quiet beaches within an hour of the city',
    'Why harbour seals are returning to the estuary',
    PROSE_C,
  ].join('\n');
  const result = clean({ text, format: 'text' });
  assert.deepEqual(result.bodyText, [PROSE_A, PROSE_B, PROSE_C]);
  assert.equal(result.removedText.filter(([reason]) => reason === 'related-links').length, 3);
});

test('related-headline lists rendered one item per paragraph (HTML) are taken item by item', () => {
  const text = [
    PROSE_A,
    'Related Posts',
    'Ten quiet beaches within an hour of the city',
    'Why harbour seals are returning to the estuary',
    'What the new ferry timetable means for you',
    PROSE_C,
  ].join('\n\n');
  const result = clean({ text, format: 'html' });
  assert.deepEqual(result.bodyText, [PROSE_A, PROSE_C]);
  assert.equal(result.removedText.filter(([reason]) => reason === 'related-links').length, 4);
});

test('a weak "More from" heading counts only when link titles follow it', () => {
  const kept = clean({
    text: `Pier shut\n\n${PROSE_A}\n\nMore from the harbour master\n\n${PROSE_C}`,
    format: 'text',
  });
  assert.deepEqual(kept.bodyText, [PROSE_A, 'More from the harbour master', PROSE_C]);
  const removed = clean({
    text: `Pier shut\n\n${PROSE_A}\n\nMore from Harbour Herald:\nTide tables for the week ahead\nNew café opens at the marina`,
    format: 'text',
  });
  assert.deepEqual(removed.bodyText, [PROSE_A]);
});

test('image prompts are removed; captions and credits too; ordinary photo mentions stay', () => {
  const promptText =
    'A cinematic, wide-angle shot of a cracked concrete pier at dawn, gulls circling, soft natural light, photorealistic.';
  const photoText =
    'A photo of the cracks, released by the authority on Monday, shows rust along two supports.';
  const text = ['Pier shut', '', PROSE_A, '', promptText, '', 'Photo: Harbour Authority', '', photoText].join(
    '\n',
  );
  const result = clean({ text, format: 'text' });
  assert.deepEqual(result.bodyText, [PROSE_A, photoText]);
  assert.deepEqual(
    result.removedText.map(([reason]) => reason),
    ['title', 'image-prompt', 'image-caption'],
  );
});

test('navigation: section bars and breadcrumbs near the top, tag lines anywhere', () => {
  const text = [
    'Pier shut',
    'Harbour Herald | Local News',
    'Home > News > Harbour',
    '',
    PROSE_A,
    '',
    'Tags: pier, ferries',
  ].join('\n');
  const result = clean({ text, format: 'text' });
  assert.deepEqual(result.bodyText, [PROSE_A]);
  assert.deepEqual(
    result.removedText.filter(([reason]) => reason === 'navigation').map(([, value]) => value),
    ['Harbour Herald | Local News\nHome > News > Harbour', 'Tags: pier, ferries'],
  );
});

test('a byline-like bar naming a person is not taken for a section bar', () => {
  const text = `Pier shut\nCOLUMN | Ines Carvalho\n\n${PROSE_A}`;
  assert.deepEqual(clean({ text, format: 'text' }).bodyText, ['COLUMN | Ines Carvalho', PROSE_A]);
});

test('author boxes after an "About the author" heading are removed; a closing bio line is kept as a signal', () => {
  const bio = 'Rui Matos is a former harbour pilot who writes about the sea.';
  const boxed = clean({
    text: `Pier shut\nBy Rui Matos\n\n${PROSE_A}\n\nAbout the author\n\n${bio}`,
    format: 'text',
  });
  assert.deepEqual(boxed.bodyText, [PROSE_A]);
  assert.deepEqual(
    boxed.removedText.map(([reason]) => reason),
    ['title', 'byline', 'author-box', 'author-box'],
  );
  const inline = clean({ text: `Pier shut\nBy Rui Matos\n\n${PROSE_A}\n\n${bio}`, format: 'text' });
  assert.deepEqual(inline.bodyText, [PROSE_A, bio]);
  assert.deepEqual(
    inline.signals.map((signal) => signal.kind),
    ['author-bio'],
  );
});

test('content-farm markers are kept and recorded as signals', () => {
  const text = [
    'Pier shut: everything you need to know',
    '',
    PROSE_A,
    '',
    'Pro Tip: Check the ferry app before you leave home.',
    '',
    'Did you know? The north pier opened in 1911.',
    '',
    'FAQ',
    '',
    'Q: When will the pier reopen?',
    'A: In about six weeks.',
    '',
    'Q: Are ferries running?',
    'A: Yes, from the south terminal.',
    '',
    'Final Thoughts',
    '',
    PROSE_B,
  ].join('\n');
  const result = clean({ text, format: 'text' });
  assert.equal(result.body.length, 8);
  const signals = result.signals.map((signal) => [signal.kind, text.slice(signal.start, signal.end)]);
  assert.deepEqual(signals, [
    ['pro-tip', 'Pro Tip: Check the ferry app before you leave home.'],
    ['did-you-know', 'Did you know? The north pier opened in 1911.'],
    ['faq', text.slice(text.indexOf('FAQ'), text.indexOf('terminal.') + 'terminal.'.length)],
  ]);
});

test('a publisher note ending a paragraph is cut off; the rest of the paragraph stays', () => {
  const text = `Pier shut\n\n${PROSE_A} Harbour Herald will update this story as more information becomes available.`;
  const result = clean({ text, format: 'text' });
  assert.deepEqual(result.bodyText, [PROSE_A]);
  assert.deepEqual(result.removedText.at(-1), [
    'boilerplate',
    'Harbour Herald will update this story as more information becomes available.',
  ]);
});

test('wire credits and ordinary closing lines are kept', () => {
  const credit = '(Reporting by Rui Matos; Editing by Ana Lopes)';
  const text = `Pier shut\n\n${PROSE_A}\n\n${PROSE_C}\n\n${credit}`;
  assert.deepEqual(clean({ text, format: 'text' }).bodyText, [PROSE_A, PROSE_C, credit]);
});

test('one paragraph a line: each line is a body span', () => {
  const text = `Pier shut\n${PROSE_A}\n${PROSE_B}\nWhat comes next\n${PROSE_C}`;
  const result = clean({ text, format: 'text' });
  assert.deepEqual(result.bodyText, [PROSE_A, PROSE_B, 'What comes next', PROSE_C]);
});

test('CRLF text, leading whitespace and separator lines keep every character accounted for', () => {
  const text = `\r\n  Pier shut\r\n\r\n   ${PROSE_A}  \r\n\r\n* * *\r\n\r\n${PROSE_B}\r\n`;
  const result = clean({ text, format: 'text' });
  assert.deepEqual(result.bodyText, [PROSE_A, PROSE_B]);
  assert.deepEqual(result.removedText, [
    ['title', 'Pier shut'],
    ['boilerplate', '* * *'],
  ]);
});

test('empty and whitespace-only texts give empty results', () => {
  assert.deepEqual(clean({ text: '', format: 'text' }).body, []);
  assert.deepEqual(clean({ text: ' \n\n \t', format: 'html' }).removed, []);
});

test('an agency name inside a sentence is not a photo credit', () => {
  const sentence =
    'The Harbour/Ipsos poll showed support for the ferry plan rising, and Getty Images archived it.';
  const credit = 'Ferry passengers queue at the terminal. REUTERS/Ana Lopes';
  const result = clean({ text: `Pier shut\n\n${sentence}\n\n${credit}`, format: 'text' });
  assert.deepEqual(result.bodyText, [sentence]);
  assert.deepEqual(result.removedText.at(-1), ['image-caption', credit]);
});
