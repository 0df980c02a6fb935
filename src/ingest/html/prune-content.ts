import { hasBoilerplateName } from './boilerplate-names.ts';
import type { DomElement } from './dom.ts';
import { FURNITURE_MARK } from './prune-document.ts';

/**
 * Elements that are not article prose wherever they appear in the selected content: figures with
 * their captions and credits, page-structure landmarks and controls. (The page title needs no
 * rule: Readability turns `h1` into `h2` and drops the heading that repeats the title.)
 */
const NON_PROSE_ELEMENTS = new Set([
  'figure',
  'figcaption',
  'picture',
  'nav',
  'aside',
  'footer',
  'header',
  'form',
  'button',
]);

/** ARIA landmark roles of page structure around an article. */
const NON_PROSE_ROLES = new Set(['navigation', 'complementary', 'contentinfo', 'banner', 'search']);

/** Inline style that hides an element. */
const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;

/**
 * A named element holding more than this share of the content's text is the article itself
 * wearing an unlucky class (a wrapper named `post-share-wrap`), not furniture. Half is the
 * natural split: furniture is the smaller part of an article. The benchmark does not tell
 * 0.3 from 0.7 (identical F1), so the value rests on that argument.
 */
const MAX_NAMED_SHARE = 0.5;

/** Leaf text blocks judged by their link density: paragraphs, list items and subheadings. */
const TEXT_BLOCKS = new Set(['p', 'li', 'h2', 'h3', 'h4', 'h5', 'h6', 'dt', 'dd']);

/**
 * A text block whose letters are at least this share link text is a pointer to another page
 * ("Related: ...", a list of headlines), not prose. Tuned on the extraction benchmark (F1 with
 * everything else fixed): 0.6 -> 0.9790, 0.7 -> 0.9796, 0.8 -> 0.9795, 0.9 -> 0.9782, rule off
 * -> 0.9759. 0.8 rather than 0.7 leaves more room for prose that is heavy with inline links.
 */
const MAX_LINK_DENSITY = 0.8;

/**
 * A first `<article>` this large relative to the largest one is the page's own article rather than
 * a teaser: a teaser card is a headline and a sentence, an article body is paragraphs. A quarter
 * keeps a short post ahead of longer teasers (a blog page whose sidebar repeats full posts) while
 * a one-line card before the article is still passed over. On the benchmark (two pages with
 * several articles selected) 0.05 to 0.25 give F1 0.9795; at 0.5 the short post is lost (0.9741).
 */
const MIN_FIRST_ARTICLE_SHARE = 0.25;

/**
 * Removes boilerplate from the content Readability selected, in place.
 * 1. Walk top-down, so a removed container takes its descendants without visiting them.
 * 2. Remove non-prose elements (NON_PROSE_ELEMENTS, landmark roles) and hidden ones.
 * 3. Remove elements whose class or id names furniture (captions, share bars, related links,
 *    newsletter boxes, author boxes, bylines and dates, comments, ads), unless they hold most of
 *    the text.
 * 4. Remove text blocks that are mostly link text.
 * 5. Of several sibling articles, keep the main one (keepMainArticle).
 */
export function pruneContent(root: DomElement): void {
  const total = (root.textContent ?? '').length;
  const visit = (element: DomElement) => {
    const children = Array.from(element.children);
    for (const child of children) {
      if (isNonProse(child) || isNamedFurniture(child, total) || isLinkBlock(child)) child.remove();
      else visit(child);
    }
  };
  visit(root);
  keepMainArticle(root);
}

/**
 * When the selection holds several sibling `<article>` elements (a post followed by teaser cards
 * of other posts, which Readability appends as related siblings), keeps the main one.
 * 1. Collect the outermost articles; stop unless there are two or more.
 * 2. The first is the main one when it holds at least MIN_FIRST_ARTICLE_SHARE of the largest's
 *    text (pages put the article before the teasers); otherwise the largest is.
 * 3. Remove the others.
 */
function keepMainArticle(root: DomElement): void {
  const articles = Array.from(root.querySelectorAll('article')).filter(
    (article) => article.parentElement?.closest('article') == null,
  );
  if (articles.length < 2) return;
  const sizes = articles.map((article) => (article.textContent ?? '').length);
  const largest = Math.max(...sizes);
  const keep = sizes[0]! >= largest * MIN_FIRST_ARTICLE_SHARE ? 0 : sizes.indexOf(largest);
  articles.forEach((article, i) => {
    if (i !== keep) article.remove();
  });
}

function isNonProse(element: DomElement): boolean {
  return (
    NON_PROSE_ELEMENTS.has(element.localName) ||
    NON_PROSE_ROLES.has(element.getAttribute('role') ?? '') ||
    element.hasAttribute('hidden') ||
    element.getAttribute('aria-hidden') === 'true' ||
    HIDDEN_STYLE.test(element.getAttribute('style') ?? '')
  );
}

/** Embedded posts and quotations (a tweet inside a `widget` box) are quoted article content. */
function isNamedFurniture(element: DomElement, total: number): boolean {
  return (
    (element.hasAttribute(FURNITURE_MARK) || hasBoilerplateName(element)) &&
    (element.textContent ?? '').length <= total * MAX_NAMED_SHARE &&
    element.querySelector('blockquote') === null
  );
}

function isLinkBlock(element: DomElement): boolean {
  if (!TEXT_BLOCKS.has(element.localName)) return false;
  const letters = countLetters(element.textContent ?? '');
  if (letters === 0) return false;
  const links = element.querySelectorAll('a');
  let linkLetters = 0;
  for (let i = 0; i < links.length; i++) linkLetters += countLetters(links[i]!.textContent ?? '');
  return linkLetters / letters >= MAX_LINK_DENSITY;
}

function countLetters(text: string): number {
  return text.replace(/[^\p{L}\p{N}]/gu, '').length;
}
