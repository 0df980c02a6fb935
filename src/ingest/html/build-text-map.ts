import type { TextMapSegment } from '../../model/span.ts';
import type { DomText } from './dom.ts';
import type { RenderedAtom } from './render-content.ts';
import type { HtmlTextRun } from './scan-html-text.ts';

/**
 * Maps rendered text back into the HTML it was parsed from.
 *
 * 1. Locate each atom's text node among the scanned runs with a forward cursor (a run and an
 *    offset inside it), because rendering follows document order. A node is normally exactly one
 *    tokenizer text event (see scanHtmlText): it matches the first run at or after the cursor
 *    that starts with its data, equal or longer. A node may also be a piece of a run: when
 *    Readability re-parses its own serialisation on a retry, linkedom has escaped `'` and `"`, so
 *    one source run "It's" comes back as the nodes "It", "'", "s". A piece matches only where the
 *    previous node ended (or after whitespace there, which may have rendered nothing), inside the
 *    same run. Whitespace-only nodes are located only as such a continuation, never searched
 *    for: they render as at most one space, and a search would pull the cursor onto unrelated runs.
 * 2. Convert: a plain run is a verbatim slice of the markup, so data offsets add to the match's
 *    position; a character reference maps as a whole to its full `&...;` span.
 * 3. Merge neighbours that are contiguous on both sides and one-to-one, so a paragraph of plain
 *    text is one segment.
 *
 * A node can be unmappable, and its atoms are then left out of the map: Readability replaces a
 * `javascript:` link with a new text node joining the link's texts, which is no single run, and a
 * node whose run was consumed by an earlier false match (a short string such as "," occurring
 * in skipped boilerplate) is not found after the cursor.
 */
export function buildTextMap(atoms: RenderedAtom[], runs: HtmlTextRun[]): TextMapSegment[] {
  const located = new Map<DomText, { run: HtmlTextRun; at: number } | undefined>();
  let runIndex = 0;
  let offset = 0;
  const locate = (node: DomText) => {
    if (located.has(node)) return located.get(node);
    let found: { run: HtmlTextRun; at: number } | undefined;
    const data = node.data;
    const current = runs[runIndex];
    const continuesAt =
      current && offset > 0 && !current.entity ? findContinuation(current.data, offset, data) : -1;
    if (current && continuesAt >= 0) {
      found = { run: current, at: continuesAt };
      offset = continuesAt + data.length;
    } else if (data.trim() !== '') {
      for (let i = offset > 0 ? runIndex + 1 : runIndex; i < runs.length; i++) {
        const run = runs[i]!;
        if (run.entity ? run.data === data : run.data.startsWith(data)) {
          found = { run, at: 0 };
          runIndex = i;
          offset = data.length;
          break;
        }
      }
    }
    if (found && offset >= found.run.data.length) {
      runIndex++;
      offset = 0;
    }
    located.set(node, found);
    return found;
  };

  const segments: TextMapSegment[] = [];
  for (const atom of atoms) {
    const match = locate(atom.node);
    if (!match) continue;
    const { run, at } = match;
    const segment: TextMapSegment = run.entity
      ? { start: atom.start, end: atom.end, originalStart: run.start, originalEnd: run.end }
      : {
          start: atom.start,
          end: atom.end,
          originalStart: run.start + at + atom.dataStart,
          originalEnd: run.start + at + atom.dataEnd,
        };
    const last = segments[segments.length - 1];
    if (
      last &&
      isOneToOne(last) &&
      isOneToOne(segment) &&
      last.end === segment.start &&
      last.originalEnd === segment.originalStart
    ) {
      last.end = segment.end;
      last.originalEnd = segment.originalEnd;
    } else {
      segments.push(segment);
    }
  }
  return segments;
}

function isOneToOne(segment: TextMapSegment): boolean {
  return segment.end - segment.start === segment.originalEnd - segment.originalStart;
}

/** Where `data` continues `run` from `offset`, directly or after whitespace; -1 when it does not. */
function findContinuation(run: string, offset: number, data: string): number {
  if (run.startsWith(data, offset)) return offset;
  let at = offset;
  while (at < run.length && /[ \t\n\r\f]/.test(run[at]!)) at++;
  return at > offset && run.startsWith(data, at) ? at : -1;
}
