import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mapOrdered } from './map-ordered.ts';

test('results come in input order with at most `limit` calls in flight', async () => {
  let inFlight = 0;
  let maxInFlight = 0;
  const releases: (() => void)[] = [];
  const results: string[] = [];
  const mapped = mapOrdered(['a', 'b', 'c', 'd', 'e'], 2, async (item, index) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    // Later items finish first: each waits for an explicit release, released in reverse below.
    await new Promise<void>((resolve) => releases.push(resolve));
    inFlight--;
    return `${index}:${item}`;
  });
  const consumer = (async () => {
    for await (const result of mapped) results.push(result);
  })();
  while (results.length < 5) {
    await new Promise((resolve) => setImmediate(resolve));
    for (const release of releases.splice(0).reverse()) release();
  }
  await consumer;
  assert.deepEqual(results, ['0:a', '1:b', '2:c', '3:d', '4:e']);
  assert.equal(maxInFlight, 2);
});
