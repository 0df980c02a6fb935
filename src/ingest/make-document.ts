import type { ProvidedMetadata, ReadResult } from '../model/raw-document.ts';
import type { CharsetOrigin, SourceKind, SourceRef } from '../model/source.ts';

/** Where one document came from, before its bytes are decoded. */
export interface DocumentOrigin {
  id: string;
  /** How a user names it in a rejection: path, `path:line`, URL, `path#item 3`. */
  item: string;
  kind: SourceKind;
  location: string;
  locator?: string;
  /** MIME type without parameters. */
  contentType?: string;
  fetchedAt?: string;
  provided?: ProvidedMetadata;
}

export interface DecodedContent {
  text: string;
  charset: string;
  charsetOrigin: CharsetOrigin;
  /** Bytes before decoding (after gunzip). */
  byteLength: number;
}

export function makeDocument(
  origin: DocumentOrigin,
  format: 'text' | 'html',
  content: DecodedContent,
): ReadResult {
  const source: SourceRef = {
    kind: origin.kind,
    location: origin.location,
    ...(origin.locator ? { locator: origin.locator } : {}),
    charset: content.charset,
    charsetOrigin: content.charsetOrigin,
    ...(origin.contentType ? { contentType: origin.contentType } : {}),
    byteLength: content.byteLength,
    ...(origin.fetchedAt ? { fetchedAt: origin.fetchedAt } : {}),
  };
  return {
    ok: true,
    document: { id: origin.id, source, format, content: content.text, provided: origin.provided ?? {} },
  };
}

export function makeRejection(
  origin: Pick<DocumentOrigin, 'item' | 'kind' | 'location' | 'locator'>,
  reason: string,
): ReadResult {
  return {
    ok: false,
    rejection: {
      item: origin.item,
      reason,
      source: {
        kind: origin.kind,
        location: origin.location,
        ...(origin.locator ? { locator: origin.locator } : {}),
      },
    },
  };
}
