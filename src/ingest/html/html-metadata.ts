import type { Field } from '../../model/article.ts';

/** Article metadata read from a page's markup, each field with where it was found. */
export interface HtmlMetadata {
  title?: Field;
  byline?: Field;
  published?: Field;
  modified?: Field;
  outlet?: Field;
  url?: Field;
  lang?: string;
  description?: string;
}

/** The metadata fields one source (JSON-LD, Open Graph, ...) can supply, as plain strings. */
export interface MetadataCandidates {
  title?: string;
  byline?: string;
  published?: string;
  modified?: string;
  outlet?: string;
  url?: string;
  lang?: string;
  description?: string;
}
