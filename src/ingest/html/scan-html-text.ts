import { Tokenizer } from 'htmlparser2';

/**
 * One text event of the HTML tokenizer: a stretch of character data between tags, or one decoded
 * character reference. `[start, end)` are offsets into the raw HTML string.
 */
export interface HtmlTextRun {
  data: string;
  start: number;
  end: number;
  /** True for a character reference (`&amp;`): `data` is its decoded value, not a slice of the markup. */
  entity: boolean;
}

/**
 * Elements whose text never reaches the rendered article: raw-text elements and the ones
 * `stripInertMarkup` removes before parsing. Leaving them out of the scan keeps the alignment
 * from matching article text against, say, a string inside a script.
 */
const SKIPPED_ELEMENTS = new Set(['script', 'style', 'noscript', 'template', 'svg', 'title', 'textarea']);

/**
 * The text runs of an HTML string with their source offsets, in document order.
 *
 * It runs the same tokenizer linkedom's parser is built on (htmlparser2), so each run is exactly
 * one text node of the parsed DOM: linkedom creates one node per tokenizer text event, and a
 * character reference is an event of its own.
 * 1. Tokenize; track entry into and exit from SKIPPED_ELEMENTS by tag name.
 * 2. Outside them, record each text section as a raw slice and each character reference as its
 *    decoded value spanning the whole reference (a reference that decodes to two code points
 *    emits twice with the same end; both get the full span).
 */
export function scanHtmlText(html: string): HtmlTextRun[] {
  const runs: HtmlTextRun[] = [];
  let skipped: string | undefined;
  let skippedDepth = 0;
  let openTag = '';
  const readName = (start: number, end: number) => html.slice(start, end).toLowerCase();
  const tokenizer = new Tokenizer(
    { decodeEntities: true },
    {
      ontext(start, end) {
        if (skipped === undefined) runs.push({ data: html.slice(start, end), start, end, entity: false });
      },
      ontextentity(codepoint, end) {
        if (skipped !== undefined) return;
        const start = html.lastIndexOf('&', end - 1);
        runs.push({ data: String.fromCodePoint(codepoint), start, end, entity: true });
      },
      onopentagname(start, end) {
        openTag = readName(start, end);
        if (skipped === undefined && SKIPPED_ELEMENTS.has(openTag)) {
          skipped = openTag;
          skippedDepth = 1;
        } else if (openTag === skipped) {
          skippedDepth++;
        }
      },
      onselfclosingtag() {
        // `<svg/>` opens and closes at once.
        if (openTag === skipped && --skippedDepth === 0) skipped = undefined;
      },
      onclosetag(start, end) {
        if (readName(start, end) === skipped && --skippedDepth === 0) skipped = undefined;
      },
      onattribdata() {},
      onattribentity() {},
      onattribend() {},
      onattribname() {},
      oncdata() {},
      oncomment() {},
      ondeclaration() {},
      onend() {},
      onopentagend() {},
      onprocessinginstruction() {},
    },
  );
  tokenizer.write(html);
  tokenizer.end();
  return runs;
}
