/** The CoNLL-2003 entity types, in the order the tag numbers use. */
export const ENTITY_LABELS = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export type EntityLabel = (typeof ENTITY_LABELS)[number];

/** An entity over tokens `[start, end)` of one sentence or document. */
export interface LabeledSpan {
  start: number;
  end: number;
  label: EntityLabel;
}

/**
 * BIOES tags, numbered: 0 is O; type k has B = 1 + 4k, I = 2 + 4k, E = 3 + 4k, S = 4 + 4k.
 * Ratinov & Roth (2009) found this scheme (their BILOU) better than BIO for CoNLL-2003.
 */
export const TAG_COUNT = 1 + 4 * ENTITY_LABELS.length;
const BEGIN = 1;
const INSIDE = 2;
const END = 3;
const SINGLE = 4;

function tagPart(tag: number): number {
  return tag === 0 ? 0 : ((tag - 1) % 4) + 1;
}

export function tagLabelIndex(tag: number): number {
  return tag === 0 ? -1 : Math.floor((tag - 1) / 4);
}

/** The tag's name, e.g. "B-PER" or "O". */
export function describeTag(tag: number): string {
  if (tag === 0) return 'O';
  return `${'?BIES'.charAt(tagPart(tag))}-${ENTITY_LABELS[tagLabelIndex(tag)]}`;
}

/** Per-token BIOES tags for `length` tokens holding the given non-overlapping spans. */
export function encodeTags(length: number, spans: readonly LabeledSpan[]): Uint8Array {
  const tags = new Uint8Array(length);
  for (const span of spans) {
    const base = 4 * ENTITY_LABELS.indexOf(span.label);
    if (span.end - span.start === 1) {
      tags[span.start] = base + SINGLE;
      continue;
    }
    tags[span.start] = base + BEGIN;
    for (let index = span.start + 1; index < span.end - 1; index++) tags[index] = base + INSIDE;
    tags[span.end - 1] = base + END;
  }
  return tags;
}

/** The spans of a well-formed BIOES tag sequence (as Viterbi decoding returns). */
export function decodeTags(tags: ArrayLike<number>): LabeledSpan[] {
  const spans: LabeledSpan[] = [];
  let start = -1;
  for (let index = 0; index < tags.length; index++) {
    const tag = tags[index]!;
    const part = tagPart(tag);
    if (part === BEGIN) start = index;
    else if (part === SINGLE || (part === END && start >= 0)) {
      const label = ENTITY_LABELS[tagLabelIndex(tag)]!;
      spans.push({ start: part === SINGLE ? index : start, end: index + 1, label });
      start = -1;
    } else if (part === 0) start = -1;
  }
  return spans;
}

/** Whether `next` may follow `previous` (-1: sequence start); the sequence may end after `previous` when `next` is -1. */
export function isAllowedTransition(previous: number, next: number): boolean {
  const open = previous >= 0 && (tagPart(previous) === BEGIN || tagPart(previous) === INSIDE);
  if (next < 0) return !open;
  const part = tagPart(next);
  if (!open) return part === 0 || part === BEGIN || part === SINGLE;
  return (part === INSIDE || part === END) && tagLabelIndex(next) === tagLabelIndex(previous);
}
