import type { RemovalReason } from '../model/span.ts';
import { META_BAR } from './lexicons.ts';

/** Share bars and comment/reading-time strips are short: a handful of separated parts. */
const MAX_SEGMENTS = 12;

/**
 * Recognises a "meta bar": a line made only of share buttons, comment counts, reading times and
 * "Posted in" labels ("Facebook | X | Email", "12 comments | Share", "3 min read").
 * 1. Split at bar separators (`|`, `/`, `•`, `: `).
 * 2. Every part must be a known kind; one strong part (a "Share" label, a count, a reading time)
 *    or two share-network names must be present, so a lone "Email" line is not taken.
 * 3. The reason is the kind that comes first in the lexicon's priority order.
 * @param normalized the line after `normalizeForComparison`
 */
export function matchMetaBar(normalized: string): RemovalReason | undefined {
  return matchMetaBarParts(splitMetaBarParts(normalized));
}

/**
 * Recognises a meta bar rendered one part per line ("Share this:", "Facebook", "X", "Email" on
 * lines of their own): the lines together are judged as one bar, by the same rules.
 * @param normalizedLines consecutive lines after `normalizeForComparison`
 */
export function matchSpreadMetaBar(normalizedLines: string[]): RemovalReason | undefined {
  return matchMetaBarParts(normalizedLines.flatMap(splitMetaBarParts));
}

/** Whether every part of the line is a known meta-bar part, so it may belong to a spread bar. */
export function isMetaBarLine(normalized: string): boolean {
  const segments = splitMetaBarParts(normalized);
  return (
    segments.length > 0 &&
    segments.every((segment) => META_BAR.segmentKinds.some((candidate) => candidate.pattern.test(segment)))
  );
}

function splitMetaBarParts(normalized: string): string[] {
  return normalized.split(META_BAR.separator).filter((segment) => segment !== '');
}

function matchMetaBarParts(segments: string[]): RemovalReason | undefined {
  if (segments.length === 0 || segments.length > MAX_SEGMENTS) return undefined;
  const kinds = new Set<RemovalReason>();
  let strong = false;
  let shares = 0;
  for (const segment of segments) {
    const kind = META_BAR.segmentKinds.find((candidate) => candidate.pattern.test(segment))?.reason;
    if (!kind) return undefined;
    kinds.add(kind);
    if (kind === 'share-prompt') shares++;
    if (META_BAR.strong.test(segment)) strong = true;
  }
  if (!strong && shares < 2) return undefined;
  return META_BAR.priority.find((reason) => kinds.has(reason));
}
