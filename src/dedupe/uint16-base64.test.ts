import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeUint16s, encodeUint16s } from './uint16-base64.ts';

test('16-bit values survive base64, little-endian, views included', () => {
  const values = Uint16Array.from([0, 1, 0xffff, 0x8000, 12345]);
  assert.equal(encodeUint16s(Uint16Array.from([1, 0x0302])), 'AQACAw==');
  assert.deepEqual(decodeUint16s(encodeUint16s(values)), values);
  assert.deepEqual(decodeUint16s(encodeUint16s(values.subarray(2, 4))), Uint16Array.from([0xffff, 0x8000]));
  assert.deepEqual(decodeUint16s(encodeUint16s(new Uint16Array(0))), new Uint16Array(0));
});

test('an odd number of bytes is refused', () => {
  assert.throws(() => decodeUint16s('AQAA'), /not base64 of 16-bit values: 3 bytes/);
});
