import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FifoArena } from './fifo-arena.ts';

/** A record of `length` values that says which record it is. */
const recordOf = (serial: number, length: number) =>
  Uint16Array.from({ length }, (_, index) => (serial * 31 + index) & 0xffff);

test('records stay readable while held, across wrap-arounds and growth', () => {
  const arena = new FifoArena();
  const held: { serial: number; offset: number; length: number }[] = [];
  for (let serial = 0; serial < 3000; serial++) {
    // Lengths from 0 to 1,999 values; hold about 40 records at a time, sometimes many more.
    const length = (serial * 7919) % 2000;
    held.push({ serial, offset: arena.append(recordOf(serial, length)), length });
    const keep = serial % 500 < 400 ? 40 : 200;
    while (held.length > keep) {
      held.shift();
      arena.releaseBefore(held[0]?.offset ?? Number.POSITIVE_INFINITY);
    }
    for (const record of held)
      assert.deepEqual(arena.view(record.offset, record.length), recordOf(record.serial, record.length));
  }
  // 200 held records of up to 2,000 values need 400,000 values at most; growing by half from there
  // (plus one skipped gap) stays below 610,000.
  assert.ok(arena.capacity < 610_000, `capacity ${arena.capacity}`);
});

test('a record larger than the whole buffer makes it grow', () => {
  const arena = new FifoArena();
  const big = recordOf(1, arena.capacity * 3 + 5);
  const offset = arena.append(big);
  assert.deepEqual(arena.view(offset, big.length), big);
  assert.deepEqual(arena.view(arena.append(new Uint16Array(0)), 0), new Uint16Array(0));
});
