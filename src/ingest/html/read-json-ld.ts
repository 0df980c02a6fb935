import { decodeHtmlText } from './decode-html-text.ts';
import type { DomDocument } from './dom.ts';
import type { MetadataCandidates } from './html-metadata.ts';

/** schema.org types that describe the article itself (subtypes of CreativeWork used by news sites). */
const ARTICLE_TYPES = new Set([
  'Article',
  'NewsArticle',
  'BlogPosting',
  'ReportageNewsArticle',
  'AnalysisNewsArticle',
  'OpinionNewsArticle',
  'ReviewNewsArticle',
  'BackgroundNewsArticle',
  'LiveBlogPosting',
  'TechArticle',
  'ScholarlyArticle',
  'Report',
]);

type JsonObject = Record<string, unknown>;

/**
 * Article metadata from the page's JSON-LD blocks.
 * 1. Parse every `application/ld+json` script; a block that is not valid JSON, even after
 *    removing the HTML comment and CDATA wrappers some CMSs add, is skipped.
 * 2. Collect every object reachable through arrays, `@graph` and `mainEntity`, and take the first
 *    whose `@type` is an article type.
 * 3. Read headline, authors, dates, publisher name, url and description from it.
 */
export function readJsonLd(document: DomDocument): MetadataCandidates {
  const article = findArticleObject(document);
  if (!article) return {};
  const candidates: MetadataCandidates = {};
  const title = readString(article.headline) ?? readString(article.name);
  if (title) candidates.title = title;
  const byline = readNames(article.author);
  if (byline) candidates.byline = byline;
  const published = readString(article.datePublished);
  if (published) candidates.published = published;
  const modified = readString(article.dateModified);
  if (modified) candidates.modified = modified;
  const outlet = readNames(article.publisher);
  if (outlet) candidates.outlet = outlet;
  const url = readString(article.url) ?? readId(article.mainEntityOfPage);
  if (url) candidates.url = url;
  const description = readString(article.description);
  if (description) candidates.description = description;
  return candidates;
}

function findArticleObject(document: DomDocument): JsonObject | undefined {
  const scripts = document.querySelectorAll('script[type]');
  for (let i = 0; i < scripts.length; i++) {
    const script = scripts[i]!;
    if (!/application\/ld\+json/i.test(script.getAttribute('type') ?? '')) continue;
    const parsed = parseLenient(script.textContent ?? '');
    const found = collectObjects(parsed).find((object) => hasArticleType(object));
    if (found) return found;
  }
  return undefined;
}

function parseLenient(source: string): unknown {
  const unwrapped = source
    .trim()
    .replace(/^<!--|-->$/g, '')
    .replace(/^\s*(\/\/)?\s*<!\[CDATA\[|(\/\/)?\s*\]\]>\s*$/g, '');
  try {
    return JSON.parse(unwrapped);
  } catch {
    return undefined;
  }
}

/** The object itself and those nested in `@graph` or `mainEntity` (a WebPage wrapping its article). */
function collectObjects(value: unknown): JsonObject[] {
  if (Array.isArray(value)) return value.flatMap(collectObjects);
  if (!isObject(value)) return [];
  return [value, ...collectObjects(value['@graph']), ...collectObjects(value.mainEntity)];
}

function hasArticleType(object: JsonObject): boolean {
  const type = object['@type'];
  const types = Array.isArray(type) ? type : [type];
  return types.some(
    (t) => typeof t === 'string' && ARTICLE_TYPES.has(t.replace(/^https?:\/\/schema\.org\//, '')),
  );
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** CMSs write HTML entities into JSON-LD strings (`&#8216;`); values are decoded as HTML text. */
function readString(value: unknown): string | undefined {
  if (typeof value === 'string') return decodeHtmlText(value).trim() || undefined;
  if (Array.isArray(value)) return readString(value[0]);
  return undefined;
}

function readId(value: unknown): string | undefined {
  if (isObject(value)) return readString(value['@id']) ?? readString(value.url);
  return readString(value);
}

/** A person or organisation given as a string, an object with `name`, or an array of either. */
function readNames(value: unknown): string | undefined {
  const names = (Array.isArray(value) ? value : [value])
    .map((item) => (isObject(item) ? readString(item.name) : readString(item)))
    .filter((name): name is string => name !== undefined);
  const unique = [...new Set(names)];
  return unique.length > 0 ? unique.join(', ') : undefined;
}
