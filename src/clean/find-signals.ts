import type { Signal } from '../model/article.ts';
import type { Span } from '../model/span.ts';
import { SIGNAL_PATTERNS } from './lexicons.ts';

/** A kept body paragraph as the signal finder sees it. */
export interface SignalParagraph {
  span: Span;
  /** The opening of the first line after `normalizeForComparison`. */
  opening: string;
  /** A one-line paragraph ending with a question mark. */
  isQuestion: boolean;
}

const QA_LINE = /^[qa]\s*[:.)]/u;
/** A bio at the end of a column sits within the last few paragraphs. */
const BIO_WINDOW = 3;

/**
 * Content-farm and genre markers in the kept body, recorded rather than removed.
 * 1. A paragraph opening with a lexicon marker ("Pro Tip:", "Did you know?") is one signal.
 * 2. An FAQ heading signals the heading and the question/answer paragraphs after it: lines
 *    opening with "Q:"/"A:", questions, and the paragraph answering a one-line question.
 * 3. A paragraph near the end that opens with the byline name and "is"/"was" is an author bio.
 */
export function findSignals(paragraphs: SignalParagraph[], bylineName?: string): Signal[] {
  const signals: Signal[] = [];
  for (let i = 0; i < paragraphs.length; i++) {
    const paragraph = paragraphs[i]!;
    const kind = SIGNAL_PATTERNS.find((signal) => signal.pattern.test(paragraph.opening))?.kind;
    if (!kind) continue;
    let end = paragraph.span.end;
    if (kind === 'faq') {
      let afterQuestion = false;
      while (i + 1 < paragraphs.length && isFaqItem(paragraphs[i + 1]!, afterQuestion)) {
        const item = paragraphs[++i]!;
        afterQuestion = item.isQuestion;
        end = item.span.end;
      }
    }
    signals.push({ kind, start: paragraph.span.start, end });
  }
  if (bylineName) {
    const opening = `${bylineName} `;
    for (const paragraph of paragraphs.slice(-BIO_WINDOW)) {
      const rest = paragraph.opening.slice(opening.length);
      if (paragraph.opening.startsWith(opening) && /^(is|was|has been) /.test(rest)) {
        signals.push({ kind: 'author-bio', ...paragraph.span });
      }
    }
  }
  return signals.sort((a, b) => a.start - b.start);
}

/** A question ("Q: ...", "...?"), an answer ("A: ...") or the paragraph right after a question. */
function isFaqItem(paragraph: SignalParagraph, afterQuestion: boolean): boolean {
  return afterQuestion || paragraph.isQuestion || QA_LINE.test(paragraph.opening);
}
