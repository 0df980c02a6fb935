import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { sharedPath } from '../../test/support/shared-data.ts';
import type { RemovalReason, Span } from '../model/span.ts';
import { splitLines } from '../text/line-spans.ts';
import { normalizeForComparison } from '../text/normalize-for-comparison.ts';
import { trimSpan } from '../text/trim-span.ts';
import { type CleanResult, cleanArticle } from './clean-article.ts';
import { findCleanViolations } from './find-clean-violations.ts';

/**
 * The five scraped seed articles (../shared/seeds). The expectations are written as independent,
 * deliberately simple recognisers of the noise kinds the seeds carry, so the test names no seed
 * sentence: a line these recognisers call noise must be removed with the matching reason, and every
 * other line must stay in the body.
 */
const seeds = sharedPath('seeds');

const COMMENT_HEADING = /^leave a (reply|comment)$/i;
const RELATED_HEADING = /^(also read|you may also like|related posts?|recommended for you)\s*:?$/i;
const IMAGE_PROMPT_OPENING =
  /^an?\s+(?:[\w-]+,?\s+){0,4}(image|shot|photo|illustration)\s+(of|capturing|illustrating|showing)\b/i;
const BYLINE = /^by\s+(.+)$/i;
const NEWSLETTER = /\bsubscribe\b.*\bnewsletter\b/i;
const DATELINE = /^[A-Z][A-Z/ ]{2,} — /;

interface SeedLine {
  span: Span;
  value: string;
  /** Blank-line block number, for lists that run to the end of their block. */
  block: number;
}

function readLines(text: string): SeedLine[] {
  const lines: SeedLine[] = [];
  let block = 0;
  for (const raw of splitLines(text)) {
    const span = trimSpan(text, raw);
    if (span.start === span.end) {
      block++;
      continue;
    }
    lines.push({ span, value: text.slice(span.start, span.end), block });
  }
  return lines;
}

function reasonAt(result: CleanResult, span: Span): RemovalReason | 'body' | undefined {
  if (result.body.some((body) => body.start <= span.start && span.end <= body.end)) return 'body';
  return result.removed.find((removed) => removed.start <= span.start && span.end <= removed.end)?.reason;
}

/** What the simple recognisers expect for each line: a removal reason, or `body`. */
function expectLines(lines: SeedLine[]): (RemovalReason | 'body')[] {
  const title = normalizeForComparison(lines[0]?.value ?? '');
  const expected: (RemovalReason | 'body')[] = [];
  let relatedBlock = -1;
  for (const [index, line] of lines.entries()) {
    if (index === 0) expected.push('title');
    else if (normalizeForComparison(line.value) === title) expected.push('repeated-title');
    else if (COMMENT_HEADING.test(line.value)) expected.push('comment-prompt');
    else if (RELATED_HEADING.test(line.value)) {
      expected.push('related-links');
      relatedBlock = line.block;
    } else if (line.block === relatedBlock) expected.push('related-links');
    else if (IMAGE_PROMPT_OPENING.test(line.value)) expected.push('image-prompt');
    else if (index < 4 && BYLINE.test(line.value)) expected.push('byline');
    else if (NEWSLETTER.test(line.value)) expected.push('newsletter-prompt');
    else expected.push('body');
  }
  return expected;
}

function readSeeds(): { name: string; text: string }[] {
  return readdirSync(seeds.path)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(seeds.path, name), 'utf8') }));
}

test('seeds: every line is removed with the expected reason or kept in the body', {
  skip: seeds.skip,
}, () => {
  const counts = new Map<string, number>();
  for (const { name, text } of readSeeds()) {
    const result = cleanArticle({ text, format: 'text' });
    assert.deepEqual(findCleanViolations(text, result), [], name);
    const lines = readLines(text);
    const expected = expectLines(lines);
    for (const [index, line] of lines.entries()) {
      const want = expected[index]!;
      counts.set(want, (counts.get(want) ?? 0) + 1);
      assert.equal(
        reasonAt(result, line.span),
        want,
        `${name}: line ${JSON.stringify(line.value.slice(0, 60))}`,
      );
    }
  }
  // The seeds carry each of these noise kinds at least once; a recogniser that silently matches
  // nothing would make the check above vacuous.
  for (const kind of ['repeated-title', 'comment-prompt', 'related-links', 'image-prompt', 'byline']) {
    assert.ok((counts.get(kind) ?? 0) > 0, `no ${kind} line among the seeds`);
  }
});

test('seeds: bylines and datelines are read where present', { skip: seeds.skip }, () => {
  let bylines = 0;
  let datelines = 0;
  for (const { name, text } of readSeeds()) {
    const result = cleanArticle({ text, format: 'text' });
    const lines = readLines(text);
    const byline = lines.slice(0, 4).find((line) => BYLINE.test(line.value));
    if (byline) {
      assert.equal(result.byline?.value, BYLINE.exec(byline.value)?.[1], name);
      bylines++;
    } else {
      assert.equal(result.byline, undefined, name);
    }
    const first = lines.find((line) => reasonAt(result, line.span) === 'body');
    if (first && DATELINE.test(first.value)) {
      assert.ok(result.dateline, `${name}: no dateline`);
      assert.equal(result.dateline.span?.start, first.span.start);
      assert.ok(first.value.startsWith(`${result.dateline.value} —`), name);
      datelines++;
    } else {
      assert.equal(result.dateline, undefined, name);
    }
  }
  assert.ok(bylines > 0 && datelines > 0, 'the seeds have a byline and a dateline');
});
