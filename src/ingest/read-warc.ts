import { LimitReader, WARCParser } from 'warcio';
import type { ReadResult } from '../model/raw-document.ts';
import { type ByteChunks, describeStreamError, readCapped } from './byte-stream.ts';
import { decodeBytes } from './decode-bytes.ts';
import { classifyMimeType, parseCharsetParameter, parseMimeType } from './detect-format.ts';
import { makeDocument, makeRejection } from './make-document.ts';
import { describeSizeLimit, type SkipListener } from './read-options.ts';

/**
 * Reads a WARC stream (already gunzipped, so offsets are in the uncompressed archive).
 * 1. Iterate records with warcio; a record without a WARC version line, WARC-Type or Content-Length
 *    means the archive is corrupt: one rejection, and reading stops (record bounds are lost).
 * 2. `response` records with a 2xx HTML payload become HTML documents: id and URL from
 *    WARC-Target-URI, fetchedAt from WARC-Date, charset from the HTTP Content-Type, then the payload.
 * 3. Every other record is drained and reported to `onSkip`; a record shorter than its
 *    Content-Length is a truncated archive: one rejection, and reading stops.
 */
export async function* readWarc(
  chunks: ByteChunks,
  origin: { location: string; name: string },
  maxBytes: number,
  onSkip?: SkipListener,
): AsyncIterable<ReadResult> {
  const { location, name } = origin;
  const parser = new WARCParser(chunks);
  try {
    for await (const record of parser) {
      const offset = parser.offset;
      const where = {
        item: `${name}#offset ${offset}`,
        kind: 'warc' as const,
        location,
        locator: `offset ${offset}`,
      };
      const contentLength = record.warcHeaders.headers.get('Content-Length');
      if (!record.warcHeaders.statusline.startsWith('WARC/') || !record.warcType || contentLength === null) {
        yield makeRejection(
          where,
          'corrupt WARC: record header without WARC version, WARC-Type or Content-Length',
        );
        return;
      }
      const raw = record.reader;
      const contentType = record.httpHeaders?.headers.get('Content-Type') ?? undefined;
      const mime = parseMimeType(contentType);
      const skip = describeSkip(record.warcType, mime, Number(record.httpHeaders?.statusCode));
      if (skip || record.warcContentLength > maxBytes) {
        for await (const _ of raw) {
          // Drained without keeping: only the stream position matters.
        }
        if (raw instanceof LimitReader && raw.limit > 0) {
          yield makeRejection(where, 'truncated WARC record');
          return;
        }
        if (skip) onSkip?.(where.item, skip);
        else yield makeRejection(where, describeSizeLimit(maxBytes));
        continue;
      }
      const payload = await record.readFully(false);
      if (raw instanceof LimitReader && raw.limit > 0) {
        yield makeRejection(where, 'truncated WARC record');
        return;
      }
      const content = await readCapped(record._createDecodingReader([payload]), maxBytes);
      if (!content.ok) {
        yield makeRejection(where, content.reason);
        continue;
      }
      const decoded = decodeBytes(content.bytes, parseCharsetParameter(contentType));
      if (!decoded.ok) {
        yield makeRejection(where, decoded.reason);
        continue;
      }
      const url = record.warcTargetURI ?? undefined;
      yield makeDocument(
        {
          ...where,
          id: url ?? where.item,
          ...(mime ? { contentType: mime } : {}),
          ...(record.warcDate ? { fetchedAt: record.warcDate } : {}),
          provided: url ? { url } : {},
        },
        'html',
        { ...decoded, byteLength: content.bytes.byteLength },
      );
    }
  } catch (error) {
    // Errors with a code come from the file system or zlib and say it all; others are warcio's.
    const reason = (error as NodeJS.ErrnoException).code
      ? describeStreamError(error)
      : `corrupt WARC (${describeStreamError(error)})`;
    yield makeRejection({ item: name, kind: 'warc', location }, reason);
  }
}

/** Why a record is not an HTML page to read, or undefined when it is one. */
function describeSkip(type: string, mime: string | undefined, status: number): string | undefined {
  if (type !== 'response') return `${type} record`;
  if (classifyMimeType(mime) !== 'html') return `response with content type ${mime ?? 'unknown'}`;
  if (status < 200 || status > 299) return `response with HTTP status ${status}`;
  return undefined;
}
