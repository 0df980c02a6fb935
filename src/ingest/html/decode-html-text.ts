import { scanHtmlText } from './scan-html-text.ts';

/**
 * Plain text of a string that may hold HTML (entity-encoded JSON-LD values such as
 * `&#8216;Title&#8217;`, or stray tags): references decoded and tags dropped, by the same
 * tokenizer the page itself was parsed with.
 */
export function decodeHtmlText(value: string): string {
  if (!value.includes('&') && !value.includes('<')) return value;
  return scanHtmlText(value)
    .map((run) => run.data)
    .join('');
}
