/**
 * A half-open range of UTF-16 code units, `[start, end)`, into one text. Which text is said by the
 * field holding the span; for an Article it is always `Article.text` (see article.ts).
 */
export interface Span {
  start: number;
  end: number;
}

/** Why the cleaner left a span of the source text out of the article body. */
export type RemovalReason =
  | 'title'
  | 'repeated-title'
  | 'byline'
  | 'timestamp'
  | 'comment-prompt'
  | 'share-prompt'
  | 'newsletter-prompt'
  | 'related-links'
  | 'image-prompt'
  | 'image-caption'
  | 'author-box'
  | 'ad-marker'
  | 'navigation'
  | 'copyright'
  | 'boilerplate';

export interface RemovedSpan extends Span {
  reason: RemovalReason;
}

/**
 * One run of derived text mapped back to the original input. `[start, end)` indexes the derived
 * text, `[originalStart, originalEnd)` the original. A run whose lengths differ (an HTML entity such
 * as `&amp;` decoded to `&`) maps as a whole; runs of equal length map character by character.
 */
export interface TextMapSegment extends Span {
  originalStart: number;
  originalEnd: number;
}
