import type { ReadResult } from '../model/raw-document.ts';
import { decodeBytes } from './decode-bytes.ts';
import { sniffDocumentFormat } from './detect-format.ts';
import { makeDocument, makeRejection } from './make-document.ts';
import { readFeed } from './read-feed.ts';
import type { ReadOptions } from './read-options.ts';

/** A whole input held in memory: a file or stdin. */
export interface BytesOrigin {
  id: string;
  /** Path, or `-` for stdin. */
  location: string;
  /** How rejections name it: the path, or `stdin`. */
  name: string;
  kind: 'file' | 'stdin';
  /** Format the file name announced; sniffed from the content when absent. */
  format?: 'feed' | 'html' | 'text';
}

/** MIME types inferred from a file's name, recorded as `source.contentType`. */
const NAMED_CONTENT_TYPES = { feed: 'application/xml', html: 'text/html', text: 'text/plain' } as const;

/**
 * Reads one in-memory input: decode it, then a feed yields its items and anything else is one
 * HTML or plain-text document.
 */
export async function* readDocumentBytes(
  bytes: Buffer,
  origin: BytesOrigin,
  options: ReadOptions,
): AsyncIterable<ReadResult> {
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) {
    const kind = origin.kind === 'stdin' ? 'stdin' : (origin.format ?? 'text');
    yield makeRejection({ item: origin.name, kind, location: origin.location }, decoded.reason);
    return;
  }
  const format = origin.format ?? sniffDocumentFormat(decoded.text);
  const contentType =
    origin.kind === 'file' && origin.format ? NAMED_CONTENT_TYPES[origin.format] : undefined;
  if (format === 'feed') {
    yield* readFeed(
      decoded.text,
      {
        location: origin.location,
        name: origin.name,
        idBase: origin.id,
        charset: decoded.charset,
        charsetOrigin: decoded.charsetOrigin,
      },
      options,
    );
    return;
  }
  yield makeDocument(
    {
      id: origin.id,
      item: origin.name,
      kind: origin.kind === 'stdin' ? 'stdin' : format,
      location: origin.location,
      ...(contentType ? { contentType } : {}),
    },
    format,
    { ...decoded, byteLength: bytes.byteLength },
  );
}
