import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hashString32, hashWords32, mixHash32 } from './hash-32.ts';

test('hashString32 is FNV-1a (published vectors) followed by the fmix32 finaliser', () => {
  assert.equal(hashString32('a'), mixHash32(0xe40c292c));
  assert.equal(hashString32('foobar'), mixHash32(0xbf9cf968));
  assert.notEqual(hashString32('vote'), hashString32('votes'));
});

test('hashWords32 matches the MurmurHash3 x86_32 reference vectors for 4-byte keys', () => {
  assert.equal(hashWords32([], 0, 0, 0), 0);
  assert.equal(hashWords32([], 0, 0, 1), 0x514e28b7);
  assert.equal(hashWords32([0], 0, 1, 0), 0x2362f9de);
  assert.equal(hashWords32([0x87654321], 0, 1, 0), 0xf55b516b);
  assert.equal(hashWords32([0x87654321], 0, 1, 0x5082edee), 0x2362f9de);
});

test('hashWords32 depends on order and hashes only the given window', () => {
  assert.notEqual(hashWords32([1, 2], 0, 2), hashWords32([2, 1], 0, 2));
  assert.equal(hashWords32([9, 1, 2, 9], 1, 2), hashWords32([1, 2], 0, 2));
});

test('mixHash32 returns unsigned 32-bit values and is a bijection on a sample', () => {
  const seen = new Set<number>();
  for (let value = 0; value < 10_000; value++) {
    const mixed = mixHash32(value * 65_537);
    assert.ok(mixed >= 0 && mixed <= 0xffffffff && Number.isInteger(mixed));
    seen.add(mixed);
  }
  assert.equal(seen.size, 10_000);
});
