import { endianness } from 'node:os';

/** Typed arrays use the machine's byte order; the encoded form is always little-endian. */
const BIG_ENDIAN = endianness() === 'BE';

/**
 * 16-bit values as base64 of their little-endian bytes: 2.7 characters a value, where a JSON array
 * of numbers takes about 6, and decoding is a copy instead of a parse.
 */
export function encodeUint16s(values: Uint16Array): string {
  const bytes = Buffer.from(values.buffer, values.byteOffset, values.byteLength);
  return (BIG_ENDIAN ? Buffer.from(bytes).swap16() : bytes).toString('base64');
}

/** The values of `encodeUint16s` output, in a new array. */
export function decodeUint16s(text: string): Uint16Array {
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length % 2 !== 0) throw new Error(`not base64 of 16-bit values: ${bytes.length} bytes`);
  if (BIG_ENDIAN) bytes.swap16();
  const values = new Uint16Array(bytes.length / 2);
  new Uint8Array(values.buffer).set(bytes);
  return values;
}
