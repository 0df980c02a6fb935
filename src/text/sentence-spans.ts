import type { Span } from '../model/span.ts';
import { isEmptySpan, trimSpan } from './trim-span.ts';

/** ICU sentence segmentation (Unicode UAX #29 rules); created once because construction is costly. */
const SEGMENTER = new Intl.Segmenter('en', { granularity: 'sentence' });

/** The sentences of `within` (default: all of `text`), trimmed, in order, never empty. */
export function splitSentences(text: string, within: Span = { start: 0, end: text.length }): Span[] {
  const sentences: Span[] = [];
  for (const segment of SEGMENTER.segment(text.slice(within.start, within.end))) {
    const start = within.start + segment.index;
    const sentence = trimSpan(text, { start, end: start + segment.segment.length });
    if (!isEmptySpan(sentence)) sentences.push(sentence);
  }
  return sentences;
}
