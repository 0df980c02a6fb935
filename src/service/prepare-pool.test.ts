import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RawDocument } from '../model/raw-document.ts';
import { computePipelineFeatures } from './compute-pipeline-features.ts';
import { prepareWithFeatures } from './pool-tasks.ts';
import { createPreparePool } from './prepare-pool.ts';

const NOW = new Date('2026-11-22T12:00:00Z');

function makeDocument(id: string, content: string, format: 'text' | 'html' = 'text'): RawDocument {
  return {
    id,
    format,
    content,
    provided: {},
    source: {
      kind: format,
      location: id,
      charset: 'utf-8',
      charsetOrigin: 'default',
      byteLength: content.length,
    },
  };
}

const DOCUMENTS = [
  ...Array.from({ length: 7 }, (_, i) =>
    makeDocument(
      `story-${i}.txt`,
      `Council approves budget number ${i}\nBy Lena Marsh\n\nThe county council approved spending plan ${i} on Tuesday ` +
        `after a four-hour debate, with ${20 + i} votes in favour, the clerk said.\n\nLeave a Reply\n`,
    ),
  ),
  makeDocument('empty-page.html', '<html><body><nav><a href="/">Home</a></nav></body></html>', 'html'),
];

test('worker threads prepare the same articles and features as the calling thread, in input order', async () => {
  const expected = prepareWithFeatures(DOCUMENTS, NOW);
  for (const size of [0, 2]) {
    const pool = createPreparePool(size);
    try {
      assert.deepEqual(await pool.prepare(DOCUMENTS, NOW), expected, `pool of ${size}`);
      assert.deepEqual(
        await pool.prepare(DOCUMENTS.slice(0, 1), NOW),
        expected.slice(0, 1),
        'fewer documents than workers',
      );
      const articles = expected.flatMap((item) => (item.ok ? [item.article] : []));
      assert.equal(articles.length, 7);
      assert.deepEqual(await pool.computeFeatures(articles), articles.map(computePipelineFeatures));
    } finally {
      await pool.close();
    }
  }
});

test('a rejected document comes back as a rejection from a worker too', async () => {
  const pool = createPreparePool(1);
  try {
    const [result] = await pool.prepare(DOCUMENTS.slice(-1), NOW);
    assert.equal(result?.ok, false);
    assert.ok(result && !result.ok);
    assert.equal(result.rejection.reason, 'no article content found in the HTML');
  } finally {
    await pool.close();
  }
});
