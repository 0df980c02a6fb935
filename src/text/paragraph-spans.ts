import type { Span } from '../model/span.ts';
import { splitLines } from './line-spans.ts';
import { isEmptySpan, trimSpan } from './trim-span.ts';

/** A paragraph and its non-blank lines, all trimmed spans of one text. */
export interface Paragraph {
  span: Span;
  lines: Span[];
  /** Index of the blank-line-separated block the paragraph belongs to (equal to its own index in `blocks` mode). */
  block: number;
}

/**
 * How a text marks paragraphs: `blocks` when blank lines separate them (single newlines inside a
 * block are soft breaks or short list/form lines), `lines` when every line is a paragraph.
 */
export type ParagraphMode = 'blocks' | 'lines';

/**
 * Hard-wrapped prose never has lines this long (wrapping is usually at 72–80 columns), while a
 * paragraph-per-line text has many; so two such lines in one block mean lines are paragraphs.
 */
const LONG_LINE = 100;

/** Groups the trimmed non-blank lines of a text into blocks separated by blank lines. */
export function splitBlocks(text: string): Span[][] {
  const blocks: Span[][] = [];
  let current: Span[] = [];
  for (const raw of splitLines(text)) {
    const line = trimSpan(text, raw);
    if (isEmptySpan(line)) {
      if (current.length > 0) blocks.push(current);
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length > 0) blocks.push(current);
  return blocks;
}

/**
 * Decides per text whether lines or blank-line blocks are its paragraphs.
 * 1. A text with no blank line between its lines writes one paragraph per line.
 * 2. A block holding two or more long lines is a run of one-line paragraphs.
 * 3. Otherwise blank lines separate paragraphs.
 */
export function detectParagraphMode(blocks: Span[][]): ParagraphMode {
  if (blocks.length === 1 && (blocks[0]?.length ?? 0) > 1) return 'lines';
  for (const block of blocks) {
    let long = 0;
    for (const line of block) if (line.end - line.start > LONG_LINE) long++;
    if (long >= 2) return 'lines';
  }
  return 'blocks';
}

/** Splits a text into paragraphs (see `detectParagraphMode`), in order, trimmed, never empty. */
export function splitParagraphs(text: string): { mode: ParagraphMode; paragraphs: Paragraph[] } {
  const blocks = splitBlocks(text);
  const mode = detectParagraphMode(blocks);
  const paragraphs: Paragraph[] = [];
  for (const [index, block] of blocks.entries()) {
    if (mode === 'lines') {
      for (const line of block) paragraphs.push({ span: line, lines: [line], block: index });
    } else {
      const first = block[0];
      const last = block[block.length - 1];
      if (first && last)
        paragraphs.push({ span: { start: first.start, end: last.end }, lines: block, block: index });
    }
  }
  return { mode, paragraphs };
}
