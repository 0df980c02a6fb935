import { basename } from 'node:path';
import type { Article } from '../model/article.ts';
import { getBodyText } from '../model/article-text.ts';
import type { RawDocument } from '../model/raw-document.ts';
import type { Span } from '../model/span.ts';

/** The stable JSON shape `dossier extract` prints, one object per input; spans index the article text. */
export interface ExtractRecord {
  id: string;
  title: string | null;
  byline: string | null;
  dateline: string | null;
  published: string | null;
  outlet: string | null;
  url: string | null;
  lang: string;
  text: string;
  removed: { start: number; end: number; reason: string }[];
  signals: Record<string, Span[]>;
  /** Present only when the input produced no article; `text` is then empty. */
  error?: string;
}

/** File extensions the extract id leaves out: `page.html.gz` → `page`. */
const EXTRACT_ID_SUFFIXES = /(\.(html?|txt))?(\.gz)?$/i;

/**
 * The id `extract` reports: for a document read straight from a file, the file name without its
 * .html/.htm/.txt/.gz extensions; for documents inside a container (JSONL line, feed item, WARC
 * record) their own id.
 */
export function getExtractId(document: Pick<RawDocument, 'id' | 'source'>): string {
  if (document.source.locator) return document.id;
  return basename(document.id).replace(EXTRACT_ID_SUFFIXES, '');
}

export function toExtractRecord(id: string, article: Article): ExtractRecord {
  const signals: Record<string, Span[]> = {};
  for (const { kind, start, end } of article.signals) {
    signals[kind] = [...(signals[kind] ?? []), { start, end }];
  }
  return {
    id,
    title: article.title?.value ?? null,
    byline: article.byline?.value ?? null,
    dateline: article.dateline?.value ?? null,
    published: article.published?.value ?? null,
    outlet: article.outlet?.value ?? null,
    url: article.url?.value ?? null,
    lang: article.lang.code,
    text: getBodyText(article),
    removed: article.removed.map(({ start, end, reason }) => ({ start, end, reason })),
    signals,
  };
}

/** The record for an input that yielded no article, so every input still gets exactly one line. */
export function toFailedExtractRecord(id: string, reason: string): ExtractRecord {
  return {
    id,
    title: null,
    byline: null,
    dateline: null,
    published: null,
    outlet: null,
    url: null,
    lang: 'und',
    text: '',
    removed: [],
    signals: {},
    error: reason,
  };
}
