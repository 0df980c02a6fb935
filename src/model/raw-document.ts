import type { SourceRef } from './source.ts';

/**
 * Metadata a container supplies alongside the text (JSONL fields, feed item fields, HTTP headers).
 * Everything is optional: bare text files supply none of it.
 */
export interface ProvidedMetadata {
  title?: string;
  url?: string;
  outlet?: string;
  /** ISO-8601 date or date-time as supplied. */
  published?: string;
  author?: string;
  /** Language tag as supplied (e.g. `en`, `en-GB`). */
  lang?: string;
}

/** What every reader produces: one decoded input document, untouched, with where it came from. */
export interface RawDocument {
  /** Stable identity: JSONL `id`, else the path relative to the argument, else the URL. */
  id: string;
  source: SourceRef;
  /** `html` when the content is markup to extract from, `text` when it is already plain text. */
  format: 'text' | 'html';
  /** The decoded input exactly as read; never modified afterwards. */
  content: string;
  provided: ProvidedMetadata;
}

/** An input that could not become a document, with a one-line reason. Nothing is dropped silently. */
export interface Rejection {
  /** The item as a user would name it: path, `path:line`, URL, `path#item 3`. */
  item: string;
  reason: string;
  source?: Pick<SourceRef, 'kind' | 'location' | 'locator'>;
}

/** Readers yield a stream of these: one bad item never aborts the rest. */
export type ReadResult = { ok: true; document: RawDocument } | { ok: false; rejection: Rejection };
