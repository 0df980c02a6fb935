import { createHash } from 'node:crypto';
import { ARTICLE_SCHEMA_VERSION, type Article, type Field } from '../model/article.ts';
import { PARAGRAPH_SEPARATOR } from '../model/article-text.ts';
import type { ProvidedMetadata } from '../model/raw-document.ts';
import type { RemovedSpan, Span, TextMapSegment } from '../model/span.ts';

/** What a test says about an article; everything else is derived so the result is always valid. */
export interface TestArticleSpec {
  /** Defaults to `test-` plus the start of the content hash, so equal texts get equal ids. */
  id?: string;
  /** A title line placed before the body and removed from it with reason `title`. */
  title?: string;
  /** Body paragraphs, one body span each. */
  paragraphs?: string[];
  outlet?: string;
  /** ISO-8601 date or date-time. */
  published?: string;
  url?: string;
  lang?: string;
  ingestedAt?: string;
  /** `html` wraps each block in markup and maps it back through `textMap`. */
  format?: 'text' | 'html';
}

const DEFAULT_PARAGRAPHS = ['A short test article that says very little.'];
/** A fixed instant so two builds of the same spec are deeply equal. */
const DEFAULT_INGESTED_AT = '2026-01-01T00:00:00.000Z';

/**
 * Builds a valid Article from a few lines of original text, as the cleaner would have produced it.
 * 1. Lay out the blocks (title, then paragraphs) in `text`, separated by blank lines, noting each span.
 * 2. Write the original: the text itself, or HTML with each block in its own element, mapped back block by block.
 * 3. Hash the original and fill provided metadata and fields from the spec.
 */
export function makeTestArticle(spec: TestArticleSpec = {}): Article {
  const format = spec.format ?? 'text';
  const blocks = [
    ...(spec.title === undefined ? [] : [spec.title]),
    ...(spec.paragraphs ?? DEFAULT_PARAGRAPHS),
  ];
  const spans = layOutBlocks(blocks);
  const text = blocks.join(PARAGRAPH_SEPARATOR);
  const { content, textMap } =
    format === 'html' ? writeHtml(blocks, spans, spec.title !== undefined) : { content: text, textMap: [] };
  const contentHash = createHash('sha256').update(content).digest('hex');
  const id = spec.id ?? `test-${contentHash.slice(0, 12)}`;
  const titleSpan = spec.title === undefined ? undefined : spans[0];
  const removed: RemovedSpan[] = titleSpan ? [{ ...titleSpan, reason: 'title' }] : [];
  const provided: ProvidedMetadata = {
    ...(spec.title === undefined ? {} : { title: spec.title }),
    ...(spec.outlet === undefined ? {} : { outlet: spec.outlet }),
    ...(spec.published === undefined ? {} : { published: spec.published }),
    ...(spec.url === undefined ? {} : { url: spec.url }),
    ...(spec.lang === undefined ? {} : { lang: spec.lang }),
  };
  return {
    schemaVersion: ARTICLE_SCHEMA_VERSION,
    id,
    contentHash,
    source: {
      kind: format,
      location: `fixtures/${id}.${format === 'html' ? 'html' : 'txt'}`,
      charset: 'utf-8',
      charsetOrigin: 'default',
      byteLength: Buffer.byteLength(content),
    },
    original: { format, content },
    provided,
    text,
    textMap,
    body: titleSpan ? spans.slice(1) : spans,
    removed,
    ...(spec.title === undefined ? {} : { title: providedField(spec.title, titleSpan) }),
    ...(spec.outlet === undefined ? {} : { outlet: providedField(spec.outlet) }),
    ...(spec.published === undefined ? {} : { published: providedField(spec.published) }),
    ...(spec.url === undefined ? {} : { url: providedField(spec.url) }),
    lang: {
      code: spec.lang ?? 'en',
      origin: spec.lang === undefined ? 'detected' : 'provided',
      confidence: 1,
    },
    signals: [],
    ingestedAt: spec.ingestedAt ?? DEFAULT_INGESTED_AT,
  };
}

function layOutBlocks(blocks: string[]): Span[] {
  let start = 0;
  return blocks.map((block) => {
    const span = { start, end: start + block.length };
    start = span.end + PARAGRAPH_SEPARATOR.length;
    return span;
  });
}

function writeHtml(
  blocks: string[],
  spans: Span[],
  hasTitle: boolean,
): { content: string; textMap: TextMapSegment[] } {
  let content = '<html><body>';
  const textMap: TextMapSegment[] = [];
  blocks.forEach((block, index) => {
    const tag = index === 0 && hasTitle ? 'h1' : 'p';
    content += `<${tag}>`;
    const escaped = escapeHtml(block);
    // An escaped block differs in length from its text, so it maps as one whole run.
    textMap.push({
      ...spans[index]!,
      originalStart: content.length,
      originalEnd: content.length + escaped.length,
    });
    content += `${escaped}</${tag}>`;
  });
  return { content: `${content}</body></html>`, textMap };
}

function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

function providedField(value: string, span?: Span): Field {
  return span ? { value, origin: 'provided', span } : { value, origin: 'provided' };
}
