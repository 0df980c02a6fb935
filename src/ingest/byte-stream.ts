import { pipeline, Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { describeSizeLimit } from './read-options.ts';

/** Bytes arriving in chunks: a stream, or chunks already in memory. */
export type ByteChunks = AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

export type CappedBytes = { ok: true; bytes: Buffer } | { ok: false; reason: string };

/** True for the gzip magic number 1f 8b. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * Collects a byte stream into one buffer, stopping (and closing the source) as soon as it passes
 * `maxBytes`, so a 50 MB input or a gzip bomb never sits in memory. Stream errors become reasons.
 */
export async function readCapped(chunks: ByteChunks, maxBytes: number): Promise<CappedBytes> {
  const parts: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of chunks) {
      total += chunk.byteLength;
      if (total > maxBytes) return { ok: false, reason: describeSizeLimit(maxBytes) };
      parts.push(
        Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength),
      );
    }
  } catch (error) {
    return { ok: false, reason: describeStreamError(error) };
  }
  return { ok: true, bytes: Buffer.concat(parts, total) };
}

/** Inflates a gzip stream (all members, as `gzip -c a b` writes) while it is being read. */
export function gunzipChunks(chunks: ByteChunks): AsyncIterable<Buffer> {
  const gunzip = createGunzip();
  // Errors reach the consumer through the gunzip stream; the callback only has to exist.
  pipeline(Readable.from(chunks), gunzip, () => {});
  return gunzip;
}

/** One-line reason for a failed read: zlib and file-system errors in words a user understands. */
export function describeStreamError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'Z_BUF_ERROR') return 'truncated gzip';
  if (code === 'Z_DATA_ERROR') return `corrupt gzip (${message})`;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return message;
}
