import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalizeForComparison } from '../text/normalize-for-comparison.ts';
import { isMetaBarLine, matchMetaBar, matchSpreadMetaBar } from './match-meta-bar.ts';

const bar = (line: string) => matchMetaBar(normalizeForComparison(line));

test('meta bars: share bars, comment counts and reading times', () => {
  assert.equal(bar('Share this story'), 'share-prompt');
  assert.equal(bar('Facebook | Twitter | WhatsApp'), 'share-prompt');
  assert.equal(bar('Share: Email / Print'), 'share-prompt');
  assert.equal(bar('4 comments | Share'), 'share-prompt');
  assert.equal(bar('Comments (7)'), 'comment-prompt');
  assert.equal(bar('5 min read'), 'timestamp');
});

test('meta bars: a lone network name or ordinary text is not a bar', () => {
  assert.equal(bar('Email'), undefined);
  assert.equal(bar('Share prices fell 3% on Monday'), undefined);
  assert.equal(bar('Facebook said it would appeal'), undefined);
});

test('a share bar spread one part per line is judged as one bar', () => {
  assert.equal(matchSpreadMetaBar(['share this:', 'facebook', 'x', 'email']), 'share-prompt');
  assert.equal(matchSpreadMetaBar(['facebook', 'whatsapp']), 'share-prompt');
  assert.equal(matchSpreadMetaBar(['email']), undefined, 'a lone network name is not a bar');
  assert.ok(isMetaBarLine('facebook'));
  assert.ok(!isMetaBarLine('email the mayor'));
});
