import { decodeBytes } from './decode-bytes.ts';
import {
  classifyMimeType,
  parseCharsetParameter,
  parseMimeType,
  sniffDocumentFormat,
} from './detect-format.ts';
import { type FetchOptions, fetchUrl } from './fetch-url.ts';
import type { DecodedContent } from './make-document.ts';

export interface FetchedText extends DecodedContent {
  format: 'feed' | 'html' | 'text';
  /** Final URL after redirects. */
  url: string;
  /** MIME type from the `Content-Type` header, without parameters. */
  contentType?: string;
  fetchedAt: string;
}

export type FetchTextResult = { ok: true; fetched: FetchedText } | { ok: false; reason: string };

/**
 * Fetches a URL and decodes it as a document.
 * 1. Fetch safely (fetch-url.ts).
 * 2. The Content-Type decides the format; generic XML and a missing type are sniffed; other types
 *    (images, PDF, JSON ...) are refused.
 * 3. Decode with the header charset first, then in-document declarations, then detection.
 */
export async function fetchText(url: string, options: FetchOptions): Promise<FetchTextResult> {
  const result = await fetchUrl(url, options);
  if (!result.ok) return result;
  const { resource } = result;
  const contentType = parseMimeType(resource.contentType);
  const declared = classifyMimeType(contentType);
  if (declared === 'unsupported') {
    return { ok: false, reason: `unsupported content type ${contentType}` };
  }
  const decoded = decodeBytes(resource.bytes, parseCharsetParameter(resource.contentType));
  if (!decoded.ok) return decoded;
  const sniffed = sniffDocumentFormat(decoded.text);
  if (declared === 'xml' && sniffed !== 'feed') {
    return { ok: false, reason: `${contentType} document is not an RSS, Atom or RDF feed` };
  }
  const format = declared === undefined || declared === 'xml' ? sniffed : declared;
  return {
    ok: true,
    fetched: {
      format,
      url: resource.url,
      ...(contentType ? { contentType } : {}),
      fetchedAt: resource.fetchedAt,
      text: decoded.text,
      charset: decoded.charset,
      charsetOrigin: decoded.charsetOrigin,
      byteLength: resource.bytes.byteLength,
    },
  };
}
