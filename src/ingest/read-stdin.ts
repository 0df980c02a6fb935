import type { ReadResult } from '../model/raw-document.ts';
import { gunzipChunks, isGzip, readCapped } from './byte-stream.ts';
import { sniffContainerFormat } from './detect-format.ts';
import { makeRejection } from './make-document.ts';
import { readDocumentBytes } from './read-document-bytes.ts';
import { readJsonl } from './read-jsonl.ts';
import type { ReadOptions } from './read-options.ts';
import { readWarc } from './read-warc.ts';

const STDIN = { item: 'stdin', kind: 'stdin', location: '-' } as const;

/**
 * Reads the input `-`. Without a name, everything is sniffed: gzip magic, then a WARC version line or
 * JSON Lines, else one document (feed, HTML or text). Its ids are `stdin`, or `stdin:N` per JSONL line.
 * The cap applies to all of stdin (compressed, then inflated), since it is read into memory to sniff.
 */
export async function* readStdin(
  stream: NodeJS.ReadableStream,
  options: ReadOptions,
): AsyncIterable<ReadResult> {
  const raw = await readCapped(toByteChunks(stream), options.maxBytes);
  if (!raw.ok) {
    yield makeRejection(STDIN, raw.reason);
    return;
  }
  const read = isGzip(raw.bytes) ? await readCapped(gunzipChunks([raw.bytes]), options.maxBytes) : raw;
  if (!read.ok) {
    yield makeRejection(STDIN, read.reason);
    return;
  }
  const container = sniffContainerFormat(read.bytes);
  const origin = { location: '-', name: 'stdin' };
  if (container === 'warc') yield* readWarc([read.bytes], origin, options.maxBytes, options.onSkip);
  else if (container === 'jsonl')
    yield* readJsonl([read.bytes], { ...origin, idBase: 'stdin' }, options.maxBytes);
  else
    yield* readDocumentBytes(
      read.bytes,
      { id: 'stdin', location: '-', name: 'stdin', kind: 'stdin' },
      options,
    );
}

/** A stream set to an encoding (or built from strings) yields strings; the readers work on bytes. */
async function* toByteChunks(stream: NodeJS.ReadableStream): AsyncIterable<Uint8Array> {
  for await (const chunk of stream as AsyncIterable<Uint8Array | string>) {
    yield typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
  }
}
