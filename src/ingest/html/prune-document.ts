import { hasBoilerplateName } from './boilerplate-names.ts';
import { type DomDocument, type DomElement, type DomNode, isText } from './dom.ts';

/**
 * Attribute set on named page furniture before Readability runs, for pruneContent to act on
 * afterwards. Readability rewrites the tree: a `<div class="credit">` holding one `<p>` is
 * replaced by that bare `<p>`, so class names are gone by the time its content is returned;
 * the mark is also set on such only children (markChain) and survives the rewrite.
 */
export const FURNITURE_MARK = 'data-dossier-furniture';

/** Page structure and controls that never hold article text. */
const PAGE_FURNITURE_ELEMENTS = new Set([
  'nav',
  'aside',
  'footer',
  'iframe',
  'select',
  'button',
  'input',
  'textarea',
]);

const PAGE_FURNITURE_ROLES = new Set([
  'navigation',
  'complementary',
  'contentinfo',
  'search',
  'dialog',
  'alertdialog',
]);

/** Inline style that hides an element. */
const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;

/**
 * A named element holding more than this share of the body's text is a page wrapper with an
 * unlucky name (`non-ad-column`, `theia-sticky-sidebar`, `grid-with-right-rail`), not furniture.
 * On the extraction benchmark (F1): 0.1 and 0.2 -> 0.9795, 0.35 -> 0.9721, 0.5 -> 0.9641, the
 * losses being article wrappers marked as furniture; a fifth still reaches big sidebars.
 */
const MAX_NAMED_SHARE = 0.2;

/**
 * Nesting depth below `<body>` beyond which the tree is flattened. Readability's time grows faster
 * than linearly with depth (1,000 nested divs: ~3 s; 5,000: minutes), so a hostile page could
 * stall a batch. The deepest of the extraction benchmark's 181 pages nests 49 levels (median 14);
 * 200 leaves four times that, and Readability handles it in ~0.1 s.
 */
const MAX_DEPTH = 200;

/**
 * Prepares the whole document before Readability scores it, in place.
 * 1. Walk the body top-down; removed and marked subtrees are not walked further. An element at
 *    MAX_DEPTH keeps its text but loses the elements below it (flattenToText).
 * 2. Remove structural furniture (PAGE_FURNITURE_ELEMENTS, landmark roles) and hidden elements:
 *    less DOM is less work for Readability's repeated passes, and on the benchmark removing
 *    these never changed which content Readability selected.
 * 3. Mark, not remove, elements whose names say furniture, unless they hold a large share of
 *    the text or contain a quotation (embedded posts are article content). Removing them here
 *    changes Readability's scores and thereby its selection, sometimes for the worse (a
 *    short post losing to its comments); marking keeps the selection Readability would make.
 */
export function pruneDocument(document: DomDocument): void {
  const body = document.body;
  if (!body) return;
  const total = (body.textContent ?? '').length;
  const visit = (element: DomElement, depth: number) => {
    if (depth >= MAX_DEPTH) {
      flattenToText(element);
      return;
    }
    for (const child of Array.from(element.children)) {
      if (isStructuralFurniture(child)) child.remove();
      else if (isNamedFurniture(child, total)) markChain(child);
      else visit(child, depth + 1);
    }
  };
  visit(body, 0);
}

function isStructuralFurniture(element: DomElement): boolean {
  return (
    PAGE_FURNITURE_ELEMENTS.has(element.localName) ||
    PAGE_FURNITURE_ROLES.has(element.getAttribute('role') ?? '') ||
    element.hasAttribute('hidden') ||
    HIDDEN_STYLE.test(element.getAttribute('style') ?? '')
  );
}

function isNamedFurniture(element: DomElement, total: number): boolean {
  return (
    hasBoilerplateName(element) &&
    (element.textContent ?? '').length <= total * MAX_NAMED_SHARE &&
    element.querySelector('blockquote') === null
  );
}

/**
 * Marks the element and its chain of only children: Readability replaces a `<div>` holding a
 * single `<p>` by that `<p>`, dropping the div's attributes, so the mark must already be on the
 * child. Deeper descendants keep a marked ancestor through every rewrite Readability makes.
 */
function markChain(element: DomElement): void {
  let current: DomElement | undefined = element;
  while (current) {
    current.setAttribute(FURNITURE_MARK, '');
    current = current.children.length === 1 ? current.children[0] : undefined;
  }
}

/**
 * Replaces an element's subtree by its text nodes, in document order. The nodes are moved, not
 * copied, so the text map still finds them. Iterative: the subtree may be thousands of levels deep.
 */
function flattenToText(element: DomElement): void {
  const texts: DomNode[] = [];
  const stack: DomNode[] = [element];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (isText(node)) {
      texts.push(node);
      continue;
    }
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  for (const child of Array.from(element.childNodes)) element.removeChild(child);
  for (const text of texts) element.appendChild(text);
}
