import type { Span } from '../model/span.ts';
import { normalizeForComparison } from '../text/normalize-for-comparison.ts';
import { splitSentences } from '../text/sentence-spans.ts';
import { TRAILING_BOILERPLATE, TRAILING_TRIGGER } from './lexicons.ts';

/**
 * Where a run of publisher-note sentences ("This is a developing story.", "X will update this
 * story as more information becomes available.") ending a paragraph begins, or undefined.
 * 1. Skip paragraphs without a trigger word (sentence splitting is the costly part).
 * 2. From the last sentence backwards, while a sentence matches the lexicon, move the cut before it.
 */
export function findTrailingBoilerplate(text: string, paragraph: Span): number | undefined {
  if (!TRAILING_TRIGGER.test(text.slice(paragraph.start, paragraph.end))) return undefined;
  const sentences = splitSentences(text, paragraph);
  let cut: number | undefined;
  for (let index = sentences.length - 1; index >= 0; index--) {
    const sentence = sentences[index]!;
    if (!TRAILING_BOILERPLATE.test(normalizeForComparison(text.slice(sentence.start, sentence.end)))) break;
    cut = sentence.start;
  }
  return cut;
}
