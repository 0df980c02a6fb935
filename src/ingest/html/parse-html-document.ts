import { parseHTML } from 'linkedom';
import type { DomDocument } from './dom.ts';

/**
 * Elements that never hold article text, cut out of the markup before parsing:
 * 1. inert content: scripts and styles are often half of a news page's bytes (median page 115 KB
 *    in the extraction benchmark); `scanHtmlText` skips the same elements;
 * 2. page furniture that pruneDocument would remove right after parsing anyway (navigation,
 *    sidebars, footers, form controls, frames): 38% of the elements of a benchmark page, and DOM
 *    construction is the largest cost of parsing. A regex cannot follow nesting: an `<aside>`
 *    inside an `<aside>` ends the match early and leaves the outer one's tail, which is parsed
 *    as ordinary content and judged like any other.
 */
const INERT_ELEMENT_PATTERN =
  /<(script|style|noscript|template|svg|nav|aside|footer|select|iframe|button|textarea)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;

/**
 * What a cut element is replaced with: an empty comment, so the text on either side stays two
 * text nodes, as the tokenizer behind the text map sees them ("a<button>x</button>b" must not
 * become the single node "ab").
 */
const CUT_PLACEHOLDER = '<!---->';

/** JSON-LD blocks are scripts too, but they carry the metadata; they are kept. */
const JSON_LD_OPENING_PATTERN = /^<script\b[^>]*application\/ld\+json/i;

/** linkedom builds no root element for markup without an `<html>` tag (a fragment, plain text). */
const HTML_ROOT_PATTERN = /<html[\s>]/i;

/**
 * Parses HTML into a linkedom Document, without the elements that cannot contain article text.
 * A fragment is wrapped in a document skeleton first, so the document always has a root and body.
 */
export function parseHtmlDocument(html: string): DomDocument {
  const stripped = html.replace(INERT_ELEMENT_PATTERN, (element) =>
    JSON_LD_OPENING_PATTERN.test(element) ? element : CUT_PLACEHOLDER,
  );
  const markup = HTML_ROOT_PATTERN.test(stripped)
    ? stripped
    : `<!DOCTYPE html><html><head></head><body>${stripped}</body></html>`;
  const { document } = parseHTML(markup);
  return document as DomDocument;
}
