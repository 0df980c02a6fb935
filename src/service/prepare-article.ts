import { createHash } from 'node:crypto';
import { cleanArticle } from '../clean/clean-article.ts';
import { extractHtml, type HtmlMetadata } from '../ingest/html/extract-html.ts';
import { ARTICLE_SCHEMA_VERSION, type Article, type Field, type LanguageGuess } from '../model/article.ts';
import { getBodyText } from '../model/article-text.ts';
import type { ProvidedMetadata, RawDocument, Rejection } from '../model/raw-document.ts';
import type { TextMapSegment } from '../model/span.ts';
import { detectLanguage } from '../text/detect-language.ts';

export type PrepareResult = { ok: true; article: Article } | { ok: false; rejection: Rejection };

/** The plain text every span indexes, with its map back into the input and what the markup declared. */
interface SourceText {
  text: string;
  textMap: TextMapSegment[];
  metadata: HtmlMetadata;
}

/**
 * Turns one raw document into a stored Article; pure apart from the clock passed in.
 * 1. Get the plain text: the input itself, or the main content Readability finds in HTML.
 * 2. Clean it into body paragraphs, removed spans with reasons, signals and text-derived fields.
 * 3. Reject the document when no body text is left, naming why.
 * 4. Resolve each metadata field by trust: container-provided, then markup, then text, then URL.
 * 5. Detect the language of the body; fall back to a declared language when detection gives up.
 */
export function prepareArticle(document: RawDocument, now: Date = new Date()): PrepareResult {
  try {
    return buildArticle(document, now);
  } catch (error) {
    // A library failing on one strange page (Readability, the DOM) must not abort the batch.
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, rejection: rejectionOf(document, `failed to process: ${message.split('\n')[0]}`) };
  }
}

function buildArticle(document: RawDocument, now: Date): PrepareResult {
  const source = readSourceText(document);
  const provided = document.provided;
  const knownTitle = provided.title ?? source.metadata.title?.value;
  const url = provided.url ?? source.metadata.url?.value ?? urlOfLocation(document.source.location);
  const cleaned = cleanArticle({
    text: source.text,
    format: document.format,
    ...(knownTitle ? { knownTitle } : {}),
    ...(url ? { url } : {}),
  });
  if (cleaned.body.length === 0) {
    const reason =
      source.text.trim().length === 0
        ? document.format === 'html'
          ? 'no article content found in the HTML'
          : 'no text'
        : 'nothing left after cleaning (only boilerplate)';
    return { ok: false, rejection: rejectionOf(document, reason) };
  }
  const bodyText = getBodyText({ text: source.text, body: cleaned.body });
  const article: Article = {
    schemaVersion: ARTICLE_SCHEMA_VERSION,
    id: document.id,
    contentHash: hashContent(document.content),
    source: document.source,
    original: { format: document.format, content: document.content },
    provided,
    text: source.text,
    textMap: source.textMap,
    body: cleaned.body,
    removed: cleaned.removed,
    lang: chooseLanguage(bodyText, provided, source.metadata),
    signals: cleaned.signals,
    ingestedAt: now.toISOString(),
  };
  assignField(article, 'title', fromProvided(provided.title), source.metadata.title, cleaned.title);
  assignField(article, 'byline', fromProvided(provided.author), source.metadata.byline, cleaned.byline);
  assignField(article, 'dateline', cleaned.dateline);
  assignField(
    article,
    'published',
    fromProvided(provided.published),
    source.metadata.published,
    cleaned.published,
  );
  assignField(article, 'modified', source.metadata.modified);
  assignField(article, 'outlet', fromProvided(provided.outlet), source.metadata.outlet);
  assignField(article, 'url', fromProvided(provided.url), source.metadata.url, fromUrlLocation(document));
  return { ok: true, article };
}

/** sha256 of the decoded input; identical input re-ingested yields the same hash. */
export function hashContent(content: string): string {
  return createHash('sha256').update(content).digest('hex');
}

function readSourceText(document: RawDocument): SourceText {
  if (document.format === 'html') {
    const url = document.provided.url ?? urlOfLocation(document.source.location);
    return extractHtml(document.content, url ? { url } : {});
  }
  return { text: document.content, textMap: [], metadata: {} };
}

type FieldName = 'title' | 'byline' | 'dateline' | 'published' | 'modified' | 'outlet' | 'url';

/** Sets the first present candidate, so the argument order is the order of trust. */
function assignField(article: Article, name: FieldName, ...candidates: (Field | undefined)[]): void {
  const chosen = candidates.find((candidate) => candidate && candidate.value.trim().length > 0);
  if (chosen) article[name] = chosen;
}

function fromProvided(value: string | undefined): Field | undefined {
  return value ? { value, origin: 'provided' } : undefined;
}

function fromUrlLocation(document: RawDocument): Field | undefined {
  const url = urlOfLocation(document.source.location);
  return url ? { value: url, origin: 'url' } : undefined;
}

function urlOfLocation(location: string): string | undefined {
  return /^https?:\/\//i.test(location) ? location : undefined;
}

function chooseLanguage(bodyText: string, provided: ProvidedMetadata, metadata: HtmlMetadata): LanguageGuess {
  const detected = detectLanguage(bodyText);
  if (detected.code !== 'und') return { ...detected, origin: 'detected' };
  if (provided.lang) return { code: baseLanguage(provided.lang), origin: 'provided', confidence: 1 };
  if (metadata.lang) return { code: baseLanguage(metadata.lang), origin: 'meta', confidence: 1 };
  return { code: 'und', origin: 'detected', confidence: 0 };
}

/** `en-GB` → `en`: stages compare languages, not regional variants. */
function baseLanguage(tag: string): string {
  return tag.split(/[-_]/)[0]?.toLowerCase() || 'und';
}

function rejectionOf(document: RawDocument, reason: string): Rejection {
  const { kind, location, locator } = document.source;
  const item = locator ? `${document.id} (${location}, ${locator})` : document.id;
  return { item, reason, source: { kind, location, ...(locator ? { locator } : {}) } };
}
