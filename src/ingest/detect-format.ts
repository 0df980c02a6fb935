/** What a reader makes of an input: a container of documents (JSONL, WARC, feed) or one document. */
export type InputFormat = 'jsonl' | 'warc' | 'feed' | 'html' | 'text';

const EXTENSION_FORMATS: Record<string, InputFormat> = {
  jsonl: 'jsonl',
  ndjson: 'jsonl',
  warc: 'warc',
  xml: 'feed',
  rss: 'feed',
  atom: 'feed',
  html: 'html',
  htm: 'html',
  txt: 'text',
};

/** The format a file name announces (`a.jsonl`, `b.warc.gz`), after stripping `.gz`; undefined if none. */
export function detectFormatFromName(name: string): InputFormat | undefined {
  const lower = name.toLowerCase().replace(/\.gz$/, '');
  const extension = /\.([a-z0-9]+)$/.exec(lower)?.[1];
  return extension ? EXTENSION_FORMATS[extension] : undefined;
}

/** Whether a file name says gzip. */
export function hasGzipName(name: string): boolean {
  return name.toLowerCase().endsWith('.gz');
}

// Prolog that may precede the root element: XML declaration, stylesheet PIs, comments, whitespace.
const PROLOG = String.raw`^\uFEFF?\s*(?:<\?xml[^>]*>\s*|<!--[\s\S]*?-->\s*)*`;
const FEED_ROOT = new RegExp(`${PROLOG}<(?:rss|feed|rdf:RDF)\\b`, 'i');
const HTML_ROOT = new RegExp(`${PROLOG}<(?:!doctype\\s+html|html)\\b`, 'i');
/** Sniff only the start: a root element follows its prolog within a few hundred characters. */
const SNIFF_CHARS = 4096;

/** Feed, HTML or plain text, from how decoded content starts. */
export function sniffDocumentFormat(text: string): 'feed' | 'html' | 'text' {
  const head = text.slice(0, SNIFF_CHARS);
  if (FEED_ROOT.test(head)) return 'feed';
  if (HTML_ROOT.test(head)) return 'html';
  return 'text';
}

/**
 * Containers recognised from raw bytes, for inputs without a name (stdin, URLs): a WARC starts with
 * its version line, JSONL with `{` (after an optional UTF-8 BOM and whitespace).
 */
export function sniffContainerFormat(bytes: Uint8Array): 'warc' | 'jsonl' | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 64)).toString('latin1');
  if (head.startsWith('WARC/')) return 'warc';
  if (/^(?:\xEF\xBB\xBF)?\s*\{/.test(head)) return 'jsonl';
  return undefined;
}

/** The MIME type of a `Content-Type` value, lower case, without parameters. */
export function parseMimeType(contentType: string | undefined): string | undefined {
  const mime = contentType?.split(';')[0]?.trim().toLowerCase();
  return mime || undefined;
}

/** The `charset` parameter of a `Content-Type` value. */
export function parseCharsetParameter(contentType: string | undefined): string | undefined {
  return /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '')?.[1];
}

/**
 * What a transport MIME type says: a format, `xml` (feed or not, sniff to know), undefined when it
 * says nothing useful (absent, octet-stream), or `unsupported` (images, PDFs, JSON, archives ...).
 */
export function classifyMimeType(
  mime: string | undefined,
): 'feed' | 'html' | 'text' | 'xml' | 'unsupported' | undefined {
  if (!mime || mime === 'application/octet-stream') return undefined;
  if (mime === 'text/html' || mime === 'application/xhtml+xml') return 'html';
  if (/^application\/(?:rss|atom|rdf)\+xml$/.test(mime)) return 'feed';
  if (mime === 'application/xml' || mime === 'text/xml') return 'xml';
  if (mime.startsWith('text/')) return 'text';
  return 'unsupported';
}
