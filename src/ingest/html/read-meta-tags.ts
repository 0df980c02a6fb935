import type { DomDocument } from './dom.ts';
import type { MetadataCandidates } from './html-metadata.ts';

type CandidateKey = keyof MetadataCandidates;

/** Open Graph and its `article:` namespace (ogp.me), read from `<meta property=...>`. */
const OPEN_GRAPH_FIELDS = new Map<string, CandidateKey>(
  Object.entries({
    'og:title': 'title',
    'og:site_name': 'outlet',
    'og:url': 'url',
    'og:description': 'description',
    'article:published_time': 'published',
    'article:modified_time': 'modified',
    'article:author': 'byline',
  }) as [string, CandidateKey][],
);

/**
 * Plain `<meta name=...>` conventions: HTML's own (`author`, `description`), Dublin Core, and the
 * date names common in news CMSs. Within a field, the first matching tag on the page wins.
 */
const META_NAME_FIELDS = new Map<string, CandidateKey>(
  Object.entries({
    author: 'byline',
    'dc.creator': 'byline',
    byl: 'byline',
    'sailthru.author': 'byline',
    description: 'description',
    'dc.description': 'description',
    'dc.title': 'title',
    title: 'title',
    date: 'published',
    pubdate: 'published',
    publishdate: 'published',
    'publish-date': 'published',
    'dc.date': 'published',
    'dc.date.issued': 'published',
    'article.published': 'published',
    'sailthru.date': 'published',
    'last-modified': 'modified',
    'application-name': 'outlet',
    'dc.publisher': 'outlet',
  }) as [string, CandidateKey][],
);

export interface MetaTagCandidates {
  openGraph: MetadataCandidates;
  meta: MetadataCandidates;
}

/**
 * Metadata from `<meta>` tags, `<link rel=canonical>` and `<html lang>`.
 * 1. Each `<meta>` is classified by its `property` (Open Graph) or `name` (plain meta); the first
 *    non-empty value per field is kept. `article:author` is often a profile URL, not a name; URLs
 *    are not bylines and are skipped.
 * 2. The canonical link is a plain-meta url; the root element's `lang` is the declared language.
 */
export function readMetaTags(document: DomDocument): MetaTagCandidates {
  const openGraph: MetadataCandidates = {};
  const meta: MetadataCandidates = {};
  const tags = document.querySelectorAll('meta[content]');
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i]!;
    const content = tag.getAttribute('content')?.trim();
    if (!content) continue;
    const property = (tag.getAttribute('property') ?? '').toLowerCase();
    const name = (tag.getAttribute('name') ?? tag.getAttribute('itemprop') ?? '').toLowerCase();
    // Maps, not object literals: a page's `<meta name="constructor">` must not hit Object.prototype.
    const openGraphKey = OPEN_GRAPH_FIELDS.get(property) ?? OPEN_GRAPH_FIELDS.get(name);
    const metaKey = META_NAME_FIELDS.get(name);
    const [target, key] = openGraphKey ? [openGraph, openGraphKey] : [meta, metaKey];
    if (!key || target[key] !== undefined) continue;
    if (key === 'byline' && /^https?:\/\//i.test(content)) continue;
    target[key] = content;
  }
  const canonical = document.querySelector('link[rel="canonical"][href]')?.getAttribute('href')?.trim();
  if (canonical) meta.url = canonical;
  const lang = document.documentElement.getAttribute('lang')?.trim();
  if (lang) meta.lang = lang;
  return { openGraph, meta };
}
