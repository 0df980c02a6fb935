import { ENTITY_LABELS, type EntityLabel, type LabeledSpan } from './tag-scheme.ts';

/** One sentence of a CoNLL-format corpus: its tokens and its entities over token indices. */
export interface LabeledSentence {
  words: string[];
  spans: LabeledSpan[];
}

export interface LabeledDocument {
  sentences: LabeledSentence[];
}

/**
 * Entity spans from IOB1 or IO tags with conlleval's rule: a chunk starts at `B-`, at a change of
 * type, or after `O`. (Turning IOB1 into IOB2 first would split chunks wrongly; see the data README.)
 */
export function readChunks(tags: readonly string[]): LabeledSpan[] {
  const spans: LabeledSpan[] = [];
  let open: LabeledSpan | undefined;
  for (const [index, tag] of tags.entries()) {
    const label = tag.slice(2) as EntityLabel;
    if (tag === 'O' || !ENTITY_LABELS.includes(label)) {
      open = undefined;
      continue;
    }
    if (!open || tag.startsWith('B-') || open.label !== label) {
      open = { start: index, end: index + 1, label };
      spans.push(open);
    } else {
      open.end = index + 1;
    }
  }
  return spans;
}

/**
 * Reads a CoNLL-style file: one token a line with the word in the first column and the tag in the
 * last, blank lines between sentences, and `-DOCSTART-` lines between documents (CoNLL-2003 puts
 * them before each story, wikigold after each article, so either way they only separate).
 */
export function readConll(content: string): LabeledDocument[] {
  const documents: LabeledDocument[] = [];
  let sentences: LabeledSentence[] = [];
  let words: string[] = [];
  let tags: string[] = [];
  const endSentence = () => {
    if (words.length > 0) sentences.push({ words, spans: readChunks(tags) });
    words = [];
    tags = [];
  };
  const endDocument = () => {
    endSentence();
    if (sentences.length > 0) documents.push({ sentences });
    sentences = [];
  };
  for (const line of content.split('\n')) {
    const columns = line.trim().split(/\s+/);
    const word = columns[0];
    if (!word) endSentence();
    else if (word === '-DOCSTART-') endDocument();
    else {
      words.push(word);
      tags.push(columns[columns.length - 1] ?? 'O');
    }
  }
  endDocument();
  return documents;
}
