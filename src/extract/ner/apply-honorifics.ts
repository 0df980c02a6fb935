import { readFileSync } from 'node:fs';
import type { LabeledSpan } from './tag-scheme.ts';

const HONORIFICS_PATH = new URL('../../../data/ner/honorifics.txt', import.meta.url);
const CAPITALISED = /^\p{Lu}/u;
/** A name after an honorific runs at most this many capitalised tokens ("Mr. Juan Carlos Ferrero"). */
const MAX_NAME_TOKENS = 3;

/** The honorifics of `data/ner/honorifics.txt`, lower case, without a final period. */
export function loadHonorifics(): Set<string> {
  const honorifics = new Set<string>();
  for (const line of readFileSync(HONORIFICS_PATH, 'utf8').split('\n')) {
    const word = line.trim();
    if (word && !word.startsWith('#')) honorifics.add(word.toLowerCase());
  }
  return honorifics;
}

function isHonorific(word: string, honorifics: Set<string>): boolean {
  return honorifics.has((word.endsWith('.') ? word.slice(0, -1) : word).toLowerCase());
}

/**
 * Applies the rule that a name after an honorific is a person. CoNLL-2003's Reuters text rarely
 * writes "Mr." (three times in eng.train), so the tagger has not learnt it, while current news
 * text is full of it.
 * 1. A span that opens with an honorific loses it and becomes a person ("Mr. Witkoff" → "Witkoff").
 * 2. A span that starts right after an honorific becomes a person.
 * 3. Capitalised tokens right after an honorific that no span covers become a person.
 */
export function applyHonorifics(
  words: readonly string[],
  spans: readonly LabeledSpan[],
  honorifics: Set<string>,
): LabeledSpan[] {
  const result: LabeledSpan[] = [];
  const covered = new Uint8Array(words.length);
  for (const span of spans) {
    let { start } = span;
    while (start < span.end - 1 && isHonorific(words[start]!, honorifics)) start++;
    const afterHonorific = start > span.start || (start > 0 && isHonorific(words[start - 1]!, honorifics));
    const fixed: LabeledSpan = { start, end: span.end, label: afterHonorific ? 'PER' : span.label };
    result.push(fixed);
    covered.fill(1, fixed.start, fixed.end);
  }
  for (let index = 0; index + 1 < words.length; index++) {
    if (!isHonorific(words[index]!, honorifics) || covered[index + 1]) continue;
    let end = index + 1;
    while (
      end < words.length &&
      end - index <= MAX_NAME_TOKENS &&
      !covered[end] &&
      CAPITALISED.test(words[end]!)
    )
      end++;
    if (end > index + 1) result.push({ start: index + 1, end, label: 'PER' });
  }
  return result.sort((a, b) => a.start - b.start);
}
