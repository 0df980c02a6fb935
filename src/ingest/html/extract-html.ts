import { Readability } from '@mozilla/readability';
import type { TextMapSegment } from '../../model/span.ts';
import { buildTextMap } from './build-text-map.ts';
import type { DomElement } from './dom.ts';
import type { HtmlMetadata, MetadataCandidates } from './html-metadata.ts';
import { mergeMetadata } from './merge-metadata.ts';
import { parseHtmlDocument } from './parse-html-document.ts';
import { pruneContent } from './prune-content.ts';
import { pruneDocument } from './prune-document.ts';
import { readJsonLd } from './read-json-ld.ts';
import { readMetaTags } from './read-meta-tags.ts';
import { renderContent } from './render-content.ts';
import { scanHtmlText } from './scan-html-text.ts';

export type { HtmlMetadata } from './html-metadata.ts';

export interface HtmlExtraction {
  /** Plain text of the main content; paragraphs separated by a blank line; '' when there is none. */
  text: string;
  /** Runs of `text` mapped back to offsets in the `html` string. */
  textMap: TextMapSegment[];
  metadata: HtmlMetadata;
}

/**
 * Extracts the main content and metadata of an HTML page.
 * 1. Parse (without scripts and styles) and read the metadata first: Readability removes the
 *    JSON-LD scripts as it works.
 * 2. Remove structural page furniture and mark named furniture (pruneDocument).
 * 3. Let Readability select the content, keeping class names and the element tree.
 * 4. Remove boilerplate inside the selection (pruneContent).
 * 5. Render the selection as text, and map the text back into the HTML.
 * 6. Merge metadata by trust: JSON-LD, Open Graph, other meta tags, then Readability's guesses.
 * `options.url` is the page's address, used to resolve relative canonical and Open Graph URLs.
 */
export function extractHtml(html: string, options: { url?: string } = {}): HtmlExtraction {
  const document = parseHtmlDocument(html);
  const jsonLd = readJsonLd(document);
  const { openGraph, meta } = readMetaTags(document);
  pruneDocument(document);
  const article = new Readability<DomElement>(document as never, {
    keepClasses: true,
    // JSON-LD is read above with more fields and higher priority; Readability's copy is redundant.
    disableJSONLD: true,
    serializer: (node) => node as unknown as DomElement,
  }).parse();
  const fromReadability: MetadataCandidates = {};
  if (article?.title) fromReadability.title = article.title;
  if (article?.byline) fromReadability.byline = article.byline;
  if (article?.siteName) fromReadability.outlet = article.siteName;
  if (article?.publishedTime) fromReadability.published = article.publishedTime;
  if (article?.lang) fromReadability.lang = article.lang;
  if (article?.excerpt) fromReadability.description = article.excerpt;
  const metadata = mergeMetadata(
    [
      { origin: 'json-ld', candidates: jsonLd },
      { origin: 'open-graph', candidates: openGraph },
      { origin: 'meta', candidates: meta },
      { origin: 'readability', candidates: fromReadability },
    ],
    options.url,
  );
  const content = article?.content;
  if (!content) return { text: '', textMap: [], metadata };
  pruneContent(content);
  const rendered = renderContent(content);
  if (rendered.text === '') return { text: '', textMap: [], metadata };
  return { text: rendered.text, textMap: buildTextMap(rendered.atoms, scanHtmlText(html)), metadata };
}
