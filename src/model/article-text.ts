import type { Article } from './article.ts';
import type { Span } from './span.ts';

/** Separator between body paragraphs wherever the body is shown as one string. */
export const PARAGRAPH_SEPARATOR = '\n\n';

/** The characters a span covers. */
export function sliceSpan(text: string, span: Span): string {
  return text.slice(span.start, span.end);
}

/** The kept body of an article as one string: its paragraphs joined by blank lines. */
export function getBodyText(article: Pick<Article, 'text' | 'body'>): string {
  return article.body.map((span) => sliceSpan(article.text, span)).join(PARAGRAPH_SEPARATOR);
}
