import type { ProvidedMetadata } from './raw-document.ts';
import type { SourceRef } from './source.ts';
import type { RemovedSpan, Span, TextMapSegment } from './span.ts';

/** Bumped whenever the JSON shape of Article changes; stored with every article. */
export const ARTICLE_SCHEMA_VERSION = 1;

/** Where a metadata value was found, in order of trust. */
export type FieldOrigin = 'provided' | 'json-ld' | 'open-graph' | 'meta' | 'readability' | 'text' | 'url';

/** A metadata value with its provenance; `span` points into `Article.text` when it was read from there. */
export interface Field<T = string> {
  value: T;
  origin: FieldOrigin;
  span?: Span;
}

/** Content-farm and genre markers the cleaner keeps in the body but records (e.g. `pro-tip`, `faq`). */
export interface Signal extends Span {
  kind: string;
}

export interface LanguageGuess {
  /** ISO 639-1 code when one exists, else ISO 639-3; `und` when undetermined. */
  code: string;
  origin: FieldOrigin | 'detected';
  /** 0..1 for detected languages; 1 for declared ones. */
  confidence: number;
}

/**
 * The stored unit. The original input is kept untouched; everything derived from it is a span.
 *
 * Two texts are involved:
 * - `original.content`: the decoded input as read (plain text, or HTML markup).
 * - `text`: the plain text all spans index. For plain-text input it is `original.content` itself
 *   (and `textMap` is empty). For HTML it is the text of the main content Readability selected,
 *   and `textMap` maps its runs back to offsets in the markup, so every kept character can still
 *   be traced to the exact input bytes.
 */
export interface Article {
  schemaVersion: typeof ARTICLE_SCHEMA_VERSION;
  id: string;
  /** sha256 (hex) of `original.content`; equal hashes mean an exact re-ingestion. */
  contentHash: string;
  source: SourceRef;
  original: { format: 'text' | 'html'; content: string };
  provided: ProvidedMetadata;
  text: string;
  textMap: TextMapSegment[];
  /** Kept paragraphs of the article body, in order, as spans of `text`. */
  body: Span[];
  /** Spans of `text` left out of the body, each with its reason. */
  removed: RemovedSpan[];
  title?: Field;
  byline?: Field;
  dateline?: Field;
  /** ISO-8601 date or date-time. */
  published?: Field;
  modified?: Field;
  outlet?: Field;
  url?: Field;
  lang: LanguageGuess;
  signals: Signal[];
  /** ISO-8601 time the article was built. */
  ingestedAt: string;
}
