import { XMLValidator } from 'fast-xml-parser';
import { type AnyFeed, parseFeed } from 'feedsmith';
import type { ProvidedMetadata, ReadResult } from '../model/raw-document.ts';
import type { CharsetOrigin } from '../model/source.ts';
import { fetchText } from './fetch-text.ts';
import { type DocumentOrigin, makeDocument, makeRejection } from './make-document.ts';
import { mapOrdered } from './map-ordered.ts';
import type { ReadOptions } from './read-options.ts';

/** The feed document itself: where it was read and how it was decoded. */
export interface FeedOrigin {
  /** Path or URL of the feed. */
  location: string;
  /** How rejections name the feed: the path or URL, or `stdin`. */
  name: string;
  /** Id prefix for items with neither guid/id nor link: `<idBase>#item N`. */
  idBase: string;
  /** Base for relative item links: the feed's URL when fetched. */
  baseUrl?: string;
  charset: string;
  charsetOrigin: CharsetOrigin;
  fetchedAt?: string;
}

/** One item of any feed dialect, reduced to what Dossier uses. */
interface FeedEntry {
  key?: string;
  link?: string;
  title?: string;
  published?: string;
  author?: string;
  content?: { value: string; format: 'html' | 'text' };
}

interface ParsedFeed {
  title?: string;
  lang?: string;
  entries: FeedEntry[];
}

/**
 * Linked pages fetched at once for content-less items. 4: below the 6 connections per host browsers
 * open (RFC 9112 leaves it open; Chrome and Firefox use 6), since all links usually share one host.
 */
const LINK_FETCH_CONCURRENCY = 4;

/**
 * Turns a decoded feed into one result per item.
 * 1. Check the XML is well-formed (feedsmith alone tolerates stray close tags by dropping items).
 * 2. Parse RSS, Atom or RDF with feedsmith and reduce items to `FeedEntry`.
 * 3. An item with full content (`content:encoded`, Atom `content`) becomes a document directly;
 *    otherwise its link is fetched through the safe fetcher (a few at a time, results in feed order).
 */
export async function* readFeed(
  text: string,
  origin: FeedOrigin,
  options: ReadOptions,
): AsyncIterable<ReadResult> {
  const feedItem = { item: origin.name, kind: 'feed' as const, location: origin.location };
  const parsed = parseFeedText(text);
  if ('reason' in parsed) {
    yield makeRejection(feedItem, parsed.reason);
    return;
  }
  if (parsed.entries.length === 0) {
    yield makeRejection(feedItem, 'feed has no items');
    return;
  }
  yield* mapOrdered(parsed.entries, LINK_FETCH_CONCURRENCY, (entry, index) =>
    readEntry(entry, index + 1, parsed, origin, options),
  );
}

async function readEntry(
  entry: FeedEntry,
  number: number,
  feed: ParsedFeed,
  origin: FeedOrigin,
  options: ReadOptions,
): Promise<ReadResult> {
  const link = entry.link ? resolveLink(entry.link, origin.baseUrl) : undefined;
  const provided: ProvidedMetadata = {
    ...(entry.title ? { title: entry.title } : {}),
    ...(link ? { url: link } : {}),
    ...(feed.title ? { outlet: feed.title } : {}),
    ...(entry.published ? { published: entry.published } : {}),
    ...(entry.author ? { author: entry.author } : {}),
    ...(feed.lang ? { lang: feed.lang } : {}),
  };
  const documentOrigin: DocumentOrigin = {
    id: entry.key ?? link ?? `${origin.idBase}#item ${number}`,
    item: `${origin.name}#item ${number}`,
    kind: 'feed',
    location: origin.location,
    locator: `item ${number}`,
    provided,
  };
  if (entry.content) {
    const { value, format } = entry.content;
    return makeDocument(
      {
        ...documentOrigin,
        contentType: format === 'html' ? 'text/html' : 'text/plain',
        ...(origin.fetchedAt ? { fetchedAt: origin.fetchedAt } : {}),
      },
      format,
      {
        text: value,
        charset: origin.charset,
        charsetOrigin: origin.charsetOrigin,
        byteLength: Buffer.byteLength(value),
      },
    );
  }
  if (!link) return makeRejection(documentOrigin, 'item has neither content nor a link');
  const fetched = await fetchText(link, options);
  if (!fetched.ok) return makeRejection(documentOrigin, `fetching ${link}: ${fetched.reason}`);
  const page = fetched.fetched;
  if (page.format === 'feed') return makeRejection(documentOrigin, `link ${link} is a feed, not an article`);
  return makeDocument(
    {
      ...documentOrigin,
      ...(page.contentType ? { contentType: page.contentType } : {}),
      fetchedAt: page.fetchedAt,
    },
    page.format,
    page,
  );
}

function parseFeedText(text: string): ParsedFeed | { reason: string } {
  const validation = XMLValidator.validate(text);
  if (validation !== true) {
    const { msg, line } = validation.err;
    const message = msg.replace(/\.$/, '');
    return {
      reason: `malformed feed XML: ${message.charAt(0).toLowerCase()}${message.slice(1)} at line ${line}`,
    };
  }
  let parsed: AnyFeed;
  try {
    parsed = parseFeed<string>(text);
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return {
      reason: `not an RSS, Atom or RDF feed (${error instanceof Error ? error.message : error}${cause})`,
    };
  }
  switch (parsed.format) {
    case 'rss':
      return {
        ...optional('title', parsed.feed.title),
        ...optional('lang', parsed.feed.language),
        entries: (parsed.feed.items ?? []).map((item) => ({
          ...optional('key', item.guid?.value),
          ...optional('link', item.link),
          ...optional('title', item.title),
          ...optional('published', normalizeDate(item.pubDate ?? item.dc?.dates?.[0])),
          ...optional('author', item.authors?.[0]?.name ?? item.dc?.creators?.[0]),
          ...optional('content', markupContent(item.content?.encoded)),
        })),
      };
    case 'atom':
      return {
        ...optional('title', parsed.feed.title?.value),
        entries: (parsed.feed.entries ?? []).map((entry) => ({
          ...optional('key', entry.id),
          ...optional(
            'link',
            (entry.links?.find((l) => !l.rel || l.rel === 'alternate') ?? entry.links?.[0])?.href,
          ),
          ...optional('title', entry.title?.value),
          ...optional('published', normalizeDate(entry.published ?? entry.updated)),
          ...optional('author', entry.authors?.[0]?.name),
          ...optional('content', atomContent(entry.content?.value, entry.content?.type)),
        })),
      };
    case 'rdf':
      return {
        ...optional('title', parsed.feed.title),
        entries: (parsed.feed.items ?? []).map((item) => ({
          ...optional('key', item.rdf?.about),
          ...optional('link', item.link),
          ...optional('title', item.title),
          ...optional('published', normalizeDate(item.dc?.dates?.[0])),
          ...optional('author', item.dc?.creators?.[0]),
          ...optional('content', markupContent(item.content?.encoded)),
        })),
      };
    case 'json':
      return { reason: 'JSON Feed is not supported (RSS, Atom or RDF expected)' };
  }
}

/** `{ [key]: value }` when the value is a non-blank string, else `{}` (keeps optional fields absent). */
function optional<K extends string, V>(key: K, value: V | undefined | null): { [P in K]?: V } {
  if (value === undefined || value === null) return {};
  if (typeof value === 'string' && value.trim() === '') return {};
  return { [key]: value } as { [P in K]?: V };
}

/** RSS `content:encoded` is HTML by convention, but some feeds put plain text there. */
function markupContent(value: string | undefined): FeedEntry['content'] {
  if (!value?.trim()) return undefined;
  return { value, format: /<\/?[a-z][\w-]*(?:\s[^>]*)?\/?>/i.test(value) ? 'html' : 'text' };
}

/** Atom `type` is `text` (the default), `html`, `xhtml` or a MIME type. */
function atomContent(value: string | undefined, type: string | undefined): FeedEntry['content'] {
  if (!value?.trim()) return undefined;
  if (type === undefined) return { value, format: 'text' };
  return { value, format: type.includes('html') ? 'html' : 'text' };
}

/** ISO dates are kept as supplied; RFC 822 dates (RSS) become ISO-8601 UTC; unreadable ones are dropped. */
function normalizeDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d{4}-\d{2}-\d{2}/.test(trimmed)) return trimmed;
  const time = Date.parse(trimmed);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

function resolveLink(link: string, base: string | undefined): string {
  try {
    return new URL(link.trim(), base).href;
  } catch {
    return link.trim();
  }
}
