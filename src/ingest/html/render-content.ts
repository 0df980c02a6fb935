import { type DomElement, type DomNode, type DomText, isElement, isText } from './dom.ts';

/**
 * A stretch of rendered text that came from one text node: `[start, end)` in the rendered text,
 * `[dataStart, dataEnd)` in the node's data. Equal lengths map character by character; a
 * collapsed whitespace run (one space for several characters) has unequal lengths.
 */
export interface RenderedAtom {
  start: number;
  end: number;
  node: DomText;
  dataStart: number;
  dataEnd: number;
}

export interface RenderedContent {
  text: string;
  atoms: RenderedAtom[];
}

/** Elements that start and end a paragraph (HTML's block-level and list/table structure). */
const BLOCK_ELEMENTS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'thead',
  'tfoot',
  'tr',
  'ul',
]);

/** Elements whose content is never shown as text: embedded media, form controls, metadata. */
const SILENT_ELEMENTS = new Set([
  'audio',
  'button',
  'canvas',
  'embed',
  'head',
  'iframe',
  'input',
  'link',
  'math',
  'meta',
  'noscript',
  'object',
  'script',
  'select',
  'style',
  'svg',
  'template',
  'textarea',
  'title',
  'video',
]);

/** Table cells sit side by side; their texts are separated by a space, not a paragraph break. */
const CELL_ELEMENTS = new Set(['td', 'th']);

/** HTML's collapsible whitespace; a no-break space (U+00A0) is content and stays. */
const HTML_WHITESPACE = /[ \t\n\r\f]+/g;

/**
 * Renders an element's content as plain text.
 *
 * 1. Walk the tree in document order, skipping SILENT_ELEMENTS.
 * 2. Block elements request a paragraph break (`\n\n`) before and after; `<br>` a line break;
 *    table cells a space.
 * 3. Text outside `<pre>` has whitespace runs collapsed to one space; inside `<pre>` it is kept.
 * 4. Pending breaks and spaces are written only before the next visible character, so the text
 *    never starts or ends with whitespace and never holds more than one blank line in a row.
 * 5. Every written character of a text node is recorded as part of an atom for the text map;
 *    separators written for structure (breaks) belong to no atom.
 */
export function renderContent(root: DomElement): RenderedContent {
  const chunks: string[] = [];
  const atoms: RenderedAtom[] = [];
  let length = 0;
  let pendingBreak = 0;
  let pendingSpace: { node: DomText; dataStart: number; dataEnd: number } | 'synthetic' | undefined;

  const write = (value: string, source?: { node: DomText; dataStart: number; dataEnd: number }) => {
    chunks.push(value);
    if (source) {
      const last = atoms[atoms.length - 1];
      const oneToOne = value.length === source.dataEnd - source.dataStart;
      if (
        last &&
        oneToOne &&
        last.node === source.node &&
        last.end === length &&
        last.dataEnd === source.dataStart &&
        last.end - last.start === last.dataEnd - last.dataStart
      ) {
        last.end += value.length;
        last.dataEnd = source.dataEnd;
      } else {
        atoms.push({ start: length, end: length + value.length, ...source });
      }
    }
    length += value.length;
  };

  const flushSeparators = () => {
    if (length > 0 && pendingBreak > 0) write(pendingBreak === 1 ? '\n' : '\n\n');
    else if (length > 0 && pendingSpace !== undefined)
      write(' ', pendingSpace === 'synthetic' ? undefined : pendingSpace);
    pendingBreak = 0;
    pendingSpace = undefined;
  };

  const writeCollapsed = (node: DomText) => {
    const data = node.data;
    let cursor = 0;
    for (const match of data.matchAll(HTML_WHITESPACE)) {
      if (match.index > cursor) {
        flushSeparators();
        write(data.slice(cursor, match.index), { node, dataStart: cursor, dataEnd: match.index });
      }
      cursor = match.index + match[0].length;
      if (pendingBreak === 0) pendingSpace = { node, dataStart: match.index, dataEnd: cursor };
    }
    if (cursor < data.length) {
      flushSeparators();
      write(data.slice(cursor), { node, dataStart: cursor, dataEnd: data.length });
    }
  };

  const writePreformatted = (node: DomText) => {
    if (node.data.trim() === '') return;
    flushSeparators();
    write(node.data, { node, dataStart: 0, dataEnd: node.data.length });
  };

  const visit = (node: DomNode, preformatted: boolean) => {
    if (isText(node)) {
      if (preformatted) writePreformatted(node);
      else writeCollapsed(node);
      return;
    }
    if (!isElement(node)) return;
    const tag = node.localName;
    if (SILENT_ELEMENTS.has(tag)) return;
    if (tag === 'br') {
      pendingBreak = Math.max(pendingBreak, 1);
      return;
    }
    const block = BLOCK_ELEMENTS.has(tag);
    if (block) pendingBreak = 2;
    else if (CELL_ELEMENTS.has(tag) && pendingBreak === 0) pendingSpace ??= 'synthetic';
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) visit(children[i]!, preformatted || tag === 'pre');
    if (block) pendingBreak = 2;
  };

  visit(root, false);
  return { text: chunks.join(''), atoms };
}
