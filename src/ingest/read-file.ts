import { createReadStream } from 'node:fs';
import { readFile as readWholeFile, stat } from 'node:fs/promises';
import type { ReadResult } from '../model/raw-document.ts';
import { gunzipChunks, readCapped } from './byte-stream.ts';
import { detectFormatFromName, hasGzipName } from './detect-format.ts';
import { makeRejection } from './make-document.ts';
import { type BytesOrigin, readDocumentBytes } from './read-document-bytes.ts';
import { readJsonl } from './read-jsonl.ts';
import { describeSizeLimit, type ReadOptions } from './read-options.ts';
import { readWarc } from './read-warc.ts';

/** A file found from an argument: the path to open and its identity (path relative to the argument). */
export interface FileInput {
  path: string;
  id: string;
}

/**
 * Reads one file.
 * 1. The name decides the format (`.gz` stripped, and inflated while streaming).
 * 2. JSONL and WARC are streamed record by record, the cap applying to each line or record.
 * 3. Anything else is one input held in memory: an uncompressed file over the cap is refused from
 *    its size alone, before it is opened; a gzip one is refused as soon as inflating passes the cap.
 */
export async function* readFile(file: FileInput, options: ReadOptions): AsyncIterable<ReadResult> {
  const named = detectFormatFromName(file.path);
  const gzipped = hasGzipName(file.path);
  // Format names double as source kinds; an unnamed file is text until sniffed.
  const where = { item: file.path, kind: named ?? 'text', location: file.path };
  if (named !== 'jsonl' && named !== 'warc' && !gzipped) {
    const { size } = await stat(file.path);
    if (size > options.maxBytes) {
      yield makeRejection(where, describeSizeLimit(options.maxBytes));
      return;
    }
    // One read call: for the typical few-kilobyte article a stream costs more than the read itself.
    const bytes = await readWholeFile(file.path);
    if (bytes.byteLength > options.maxBytes) {
      yield makeRejection(where, describeSizeLimit(options.maxBytes));
      return;
    }
    yield* readDocumentBytes(bytes, documentOrigin(file, named), options);
    return;
  }
  const stream = createReadStream(file.path);
  const chunks = gzipped ? gunzipChunks(stream) : stream;
  if (named === 'warc') {
    yield* readWarc(chunks, { location: file.path, name: file.path }, options.maxBytes, options.onSkip);
    return;
  }
  if (named === 'jsonl') {
    yield* readJsonl(chunks, { location: file.path, name: file.path, idBase: file.id }, options.maxBytes);
    return;
  }
  const read = await readCapped(chunks, options.maxBytes);
  if (!read.ok) {
    yield makeRejection(where, read.reason);
    return;
  }
  yield* readDocumentBytes(read.bytes, documentOrigin(file, named), options);
}

function documentOrigin(file: FileInput, format: BytesOrigin['format']): BytesOrigin {
  return { id: file.id, location: file.path, name: file.path, kind: 'file', ...(format ? { format } : {}) };
}
