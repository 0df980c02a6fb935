import type { Field, Signal } from '../model/article.ts';
import type { RemovalReason, RemovedSpan, Span } from '../model/span.ts';
import { countWords } from '../text/count-words.ts';
import { isTitleLike } from '../text/is-title-like.ts';
import { normalizeForComparison } from '../text/normalize-for-comparison.ts';
import { splitParagraphs } from '../text/paragraph-spans.ts';
import { trimSpan } from '../text/trim-span.ts';
import { findDateInUrl } from './find-date-in-url.ts';
import { findPublishedDate } from './find-published-date.ts';
import { findSignals } from './find-signals.ts';
import { findTrailingBoilerplate } from './find-trailing-boilerplate.ts';
import { isImagePrompt, MAX_IMAGE_PROMPT_WORDS } from './is-image-prompt.ts';
import { isTimestampLine } from './is-timestamp-line.ts';
import { AUTHOR_BOX, COMMENT_FORM, MAX_LINE_RULE_WORDS, RELATED_LINKS } from './lexicons.ts';
import { matchByline } from './match-byline.ts';
import { matchDateline } from './match-dateline.ts';
import { isSameHeadline, looksLikeHeadline, MAX_HEADLINE_WORDS, MAX_SUFFIX_WORDS } from './match-headline.ts';
import { isMetaBarLine, matchMetaBar, matchSpreadMetaBar } from './match-meta-bar.ts';
import { matchNoiseLine } from './match-noise-line.ts';
import { isBreadcrumb, isSectionBar } from './match-section-bar.ts';

export interface CleanInput {
  /** The text all spans index (`Article.text`). */
  text: string;
  /**
   * `text`: raw scraped text, first line usually the headline. `html`: text rendered from
   * Readability's main content (headline usually absent, paragraphs separated by blank lines).
   */
  format: 'text' | 'html';
  /** Title from metadata, if any, to recognise the headline and repeated-title lines. */
  knownTitle?: string;
  /** For a date in the URL path. */
  url?: string;
}

export interface CleanResult {
  /** Kept paragraphs, in order. */
  body: Span[];
  /** Every left-out non-whitespace region, with its reason. */
  removed: RemovedSpan[];
  /** Content-farm markers kept in the body: `pro-tip`, `did-you-know`, `faq`, ... */
  signals: Signal[];
  title?: Field;
  byline?: Field;
  dateline?: Field;
  published?: Field;
}

/** One line of the text with what the rules need to know about it. */
interface Line {
  /** Position in the article's list of lines. */
  index: number;
  span: Span;
  text: string;
  /** `normalizeForComparison(text)`, computed on first use: long prose lines rarely need it. */
  normalized?: string;
  words: number;
  paragraph: number;
  block: number;
  reason?: RemovalReason;
}

type Heading = 'related' | 'weak-related' | 'comment' | 'author-box';

/**
 * Header metadata (title, byline, dates, section bars) sits in the first lines before the prose;
 * eight lines covers headline, repeated headline, kicker, section bar, byline and two date lines.
 */
const MAX_HEADER_LINES = 8;
/**
 * A line of 15+ words ending like a sentence, or of 30+ words, is article prose and ends the header
 * area: headlines (typically 8–14 words), bylines and date lines stay below that in the seeds, the
 * stories set and the extraction benchmark pages.
 */
const MIN_PROSE_WORDS = 15;
const MIN_UNPUNCTUATED_PROSE_WORDS = 30;
const SENTENCE_END = /[.!?:"”’)]$/u;
const HAS_WORD_CHARACTER = /[\p{L}\p{N}]/u;
/** Timestamps, section bars, breadcrumbs and share bars are short; 20 words allows long date forms. */
const MAX_BAR_WORDS = 20;
/**
 * Signal markers ("Pro Tip:", "FAQ", "Q:") open a paragraph and are under 30 characters; 80 also
 * holds a byline name plus "is a" for an author bio. Only this much of a paragraph is examined.
 */
const SIGNAL_OPENING_CHARS = 80;
/** Lines longer than any line rule's limit are prose; they are never examined line by line. */
const MAX_NOISE_LINE_WORDS = Math.max(MAX_LINE_RULE_WORDS, MAX_HEADLINE_WORDS + MAX_SUFFIX_WORDS);

function normalizedOf(line: Line): string {
  line.normalized ??= normalizeForComparison(line.text);
  return line.normalized;
}

/**
 * Splits an article's text into kept body paragraphs and removed noise, every span a slice of
 * `input.text`, and reads title, byline, dateline and publication date from it.
 * 1. Split into paragraphs (blank-line blocks, or lines when the text writes one paragraph a line)
 *    and their lines; find the header area (lines before the first prose line).
 * 2. Headline: the header line matching the known title, else the first line of plain text when
 *    it reads as one; later lines equal to either are repeated titles.
 * 3. Line rules: byline, timestamp and section bar in the header; anywhere meta bars (share,
 *    comments), lexicon noise lines, breadcrumbs, separators and block headings.
 * 4. Paragraph rule: leftover AI image prompts. Meta bars spread one part per line are judged
 *    as one bar.
 * 5. Block headings take their followers: link titles after "Also Read:", form lines after
 *    "Leave a Reply", the bio after "About the author".
 * 6. Trailing publisher notes ("... will update this story") are cut off kept paragraphs.
 * 7. Assemble body and removed spans; read the fields and signals.
 */
export function cleanArticle(input: CleanInput): CleanResult {
  const { text } = input;
  const { paragraphs } = splitParagraphs(text);
  const lines: Line[] = paragraphs
    .flatMap((paragraph, index) =>
      paragraph.lines.map((span) => ({ span, paragraph: index, block: paragraph.block })),
    )
    .map(({ span, paragraph, block }, index) => {
      const value = text.slice(span.start, span.end);
      return { index, span, text: value, words: countWords(value), paragraph, block };
    });
  const byParagraph: Line[][] = paragraphs.map(() => []);
  for (const line of lines) byParagraph[line.paragraph]?.push(line);
  const headerEnd = findHeaderEnd(lines);

  const titleIndex = markTitles(lines, input, headerEnd);
  let bylineName: Span | undefined;
  const headings = new Map<number, Heading>();
  for (const [index, line] of lines.entries()) {
    if (line.reason || line.words > MAX_NOISE_LINE_WORDS) continue;
    const inHeader = index < headerEnd;
    if (inHeader) {
      const name = matchByline(text, line.span);
      if (name) {
        line.reason = 'byline';
        bylineName ??= name;
        continue;
      }
    }
    line.reason = classifyLine(line, inHeader);
    const heading = classifyHeading(line);
    if (heading) {
      headings.set(index, heading);
      if (heading !== 'weak-related') line.reason ??= HEADING_REASONS[heading];
    }
  }
  markImagePrompts(byParagraph);
  markSpreadMetaBars(lines);
  for (const [index, heading] of headings) takeFollowers(lines, byParagraph, index, heading);

  const cuts = new Map<number, number>();
  for (const [index, paragraph] of paragraphs.entries()) {
    const own = byParagraph[index] ?? [];
    if (own.length === 0 || own.some((line) => line.reason)) continue;
    const cut = findTrailingBoilerplate(text, paragraph.span);
    if (cut === undefined) continue;
    if (cut <= paragraph.span.start) for (const line of own) line.reason = 'boilerplate';
    else cuts.set(index, cut);
  }

  const { body, removed, bodyParagraphs } = assembleSpans(text, lines, cuts);
  const result: CleanResult = { body, removed, signals: [] };
  const titleLine = titleIndex === undefined ? undefined : lines[titleIndex];
  if (titleLine) result.title = { value: titleLine.text, origin: 'text', span: titleLine.span };
  if (bylineName) result.byline = textField(text, bylineName);
  const firstBody = body[0];
  const dateline = firstBody ? matchDateline(text, firstBody) : undefined;
  if (dateline) result.dateline = textField(text, dateline);
  const dateCandidates = lines
    .slice(0, headerEnd)
    .filter((line) => line.reason === 'byline' || line.reason === 'timestamp')
    .map((line) => line.span);
  if (dateline) dateCandidates.push(dateline);
  const published =
    findPublishedDate(text, dateCandidates) ?? (input.url ? findDateInUrl(input.url) : undefined);
  if (published) result.published = published;
  result.signals = findSignals(
    bodyParagraphs.map((paragraph) => ({
      span: paragraph.span,
      opening: normalizeForComparison((paragraph.lines[0]?.text ?? '').slice(0, SIGNAL_OPENING_CHARS)),
      isQuestion: paragraph.lines.length === 1 && (paragraph.lines[0]?.text.endsWith('?') ?? false),
    })),
    result.byline ? normalizeForComparison(result.byline.value) : undefined,
  );
  return result;
}

const HEADING_REASONS: Record<Exclude<Heading, 'weak-related'>, RemovalReason> = {
  related: 'related-links',
  comment: 'comment-prompt',
  'author-box': 'author-box',
};

function textField(text: string, span: Span): Field {
  return { value: text.slice(span.start, span.end), origin: 'text', span };
}

/** Index of the first line of prose, at most MAX_HEADER_LINES. */
function findHeaderEnd(lines: Line[]): number {
  const limit = Math.min(lines.length, MAX_HEADER_LINES);
  for (let index = 0; index < limit; index++) {
    const line = lines[index]!;
    const prose =
      line.words >= MIN_UNPUNCTUATED_PROSE_WORDS ||
      (line.words >= MIN_PROSE_WORDS && SENTENCE_END.test(line.text));
    if (prose) return index;
  }
  return limit;
}

/**
 * Marks the headline (`title`) and its repeats (`repeated-title`); returns the headline's index.
 * The header line matching the known title wins; without one, plain text opens with its headline.
 */
function markTitles(lines: Line[], input: CleanInput, headerEnd: number): number | undefined {
  const known = input.knownTitle ? normalizeForComparison(input.knownTitle) : '';
  const matching = known
    ? lines.findIndex(
        (line, index) =>
          index <= headerEnd &&
          line.words <= MAX_NOISE_LINE_WORDS &&
          isSameHeadline(normalizedOf(line), known),
      )
    : -1;
  const first = lines[0];
  let titleIndex: number | undefined;
  // When the known title is not in the text, a first line ending in a full stop is more likely a
  // short lede than another headline.
  const plausible = first && looksLikeHeadline(first.text) && !(known && first.text.endsWith('.'));
  if (matching >= 0) titleIndex = matching;
  else if (input.format === 'text' && plausible && lines.length > 1) titleIndex = 0;
  const titleLine = titleIndex === undefined ? undefined : lines[titleIndex];
  const title = titleLine ? normalizedOf(titleLine) : '';
  if (titleLine) titleLine.reason = 'title';
  for (const line of lines) {
    if (line.reason || line.words > MAX_NOISE_LINE_WORDS) continue;
    const normalized = normalizedOf(line);
    if (isSameHeadline(normalized, title) || isSameHeadline(normalized, known))
      line.reason = 'repeated-title';
  }
  return titleIndex;
}

/** The line rules of step 3 other than the byline. */
function classifyLine(line: Line, inHeader: boolean): RemovalReason | undefined {
  const normalized = normalizedOf(line);
  if (line.words <= MAX_BAR_WORDS) {
    if (isTimestampLine(normalized, inHeader)) return 'timestamp';
    if (inHeader && isSectionBar(normalized)) return 'navigation';
    if (isBreadcrumb(normalized)) return 'navigation';
    const bar = matchMetaBar(normalized);
    if (bar) return bar;
  }
  const reason = matchNoiseLine(normalized, line.words);
  if (reason) return reason;
  if (!HAS_WORD_CHARACTER.test(normalized)) return 'boilerplate';
  const inline = RELATED_LINKS.inline.exec(normalized);
  if (inline && isTitleLike(line.text.slice(line.text.indexOf(':') + 1).trim())) return 'related-links';
  return undefined;
}

function classifyHeading(line: Line): Heading | undefined {
  const normalized = normalizedOf(line);
  if (RELATED_LINKS.heading.test(normalized)) return 'related';
  if (COMMENT_FORM.heading.test(normalized)) return 'comment';
  if (AUTHOR_BOX.heading.test(normalized)) return 'author-box';
  if (!line.reason && RELATED_LINKS.weakHeading.test(normalized)) return 'weak-related';
  return undefined;
}

/** Step 4: a paragraph none of whose lines is already removed, read as a whole. */
function markImagePrompts(byParagraph: Line[][]): void {
  for (const own of byParagraph) {
    if (own.length === 0 || own.some((line) => line.reason)) continue;
    if (own.reduce((sum, line) => sum + line.words, 0) > MAX_IMAGE_PROMPT_WORDS) continue;
    const normalized = own.map(normalizedOf).join(' ');
    if (isImagePrompt(normalized)) for (const line of own) line.reason = 'image-prompt';
  }
}

/**
 * Step 4: runs of consecutive short lines each made only of meta-bar parts ("Share this:" then
 * "Facebook", "X", "Email" on lines of their own) are judged together; a run the bar rules accept
 * removes its unclaimed lines with the bar's reason. Lines already removed as a bar join the run.
 */
function markSpreadMetaBars(lines: Line[]): void {
  let run: Line[] = [];
  const judge = () => {
    const reason = run.length > 1 ? matchSpreadMetaBar(run.map(normalizedOf)) : undefined;
    if (reason) for (const line of run) line.reason ??= reason;
    run = [];
  };
  for (const line of lines) {
    const joins =
      line.words <= MAX_BAR_WORDS &&
      (line.reason === undefined || META_BAR_REASONS.has(line.reason)) &&
      isMetaBarLine(normalizedOf(line));
    if (joins) run.push(line);
    else judge();
  }
  judge();
}

/** Reasons a single-line meta bar gets; such a line may head a bar spread over the next lines. */
const META_BAR_REASONS = new Set<RemovalReason>([
  'share-prompt',
  'comment-prompt',
  'timestamp',
  'navigation',
]);

/**
 * Step 5: the lines a block heading owns.
 * - related links: the title-like lines after the heading, in its block, or, when the heading
 *   stands alone, in the one-line blocks after it; a weak heading ("More from X") counts only with
 *   titles after it.
 * - comment form: the form lines after the heading, across blocks.
 * - author box: the next paragraph, when it is short.
 */
function takeFollowers(lines: Line[], byParagraph: Line[][], index: number, heading: Heading): void {
  if (heading === 'related' || heading === 'weak-related') {
    const headingBlock = lines[index]!.block;
    // A list that starts in the heading's block ends with it; one that starts in the next block is
    // a list rendered one item per paragraph (HTML <li>), so each item is a block of its own.
    const spread = lines[index + 1]?.block !== headingBlock;
    let taken = 0;
    for (let next = index + 1; next < lines.length; next++) {
      const line = lines[next]!;
      const fits = spread ? isOnlyLineOfBlock(lines, next) : line.block === headingBlock;
      // A "PHOTOS:"/"VIDEO:" label makes a link title look like a caption; inside a list it is a link.
      const claimed = line.reason !== undefined && line.reason !== 'image-caption';
      if (claimed || !fits || !isTitleLike(line.text)) break;
      line.reason = 'related-links';
      taken++;
    }
    if (heading === 'weak-related' && taken > 0) lines[index]!.reason = 'related-links';
  } else if (heading === 'comment') {
    for (let next = index + 1; next < lines.length; next++) {
      const line = lines[next]!;
      if (line.reason === 'comment-prompt') continue;
      if (line.reason || line.words > MAX_NOISE_LINE_WORDS || !COMMENT_FORM.follower.test(normalizedOf(line)))
        break;
      line.reason = 'comment-prompt';
    }
  } else {
    const bio = byParagraph[lines[index]!.paragraph + 1] ?? [];
    const words = bio.reduce((sum, line) => sum + line.words, 0);
    if (bio.length > 0 && words <= AUTHOR_BOX.maxFollowerWords && bio.every((line) => !line.reason)) {
      for (const line of bio) line.reason = 'author-box';
    }
  }
}

function isOnlyLineOfBlock(lines: Line[], index: number): boolean {
  const { block } = lines[index]!;
  return lines[index - 1]?.block !== block && lines[index + 1]?.block !== block;
}

/**
 * Step 7: runs of kept lines within a paragraph become body spans; runs of removed lines with one
 * reason become removed spans; a trailing cut splits the last kept run of its paragraph.
 */
function assembleSpans(
  text: string,
  lines: Line[],
  cuts: Map<number, number>,
): { body: Span[]; removed: RemovedSpan[]; bodyParagraphs: { span: Span; lines: Line[] }[] } {
  const body: Span[] = [];
  const removed: RemovedSpan[] = [];
  const bodyParagraphs: { span: Span; lines: Line[] }[] = [];
  let run: Line[] = [];
  const flush = () => {
    const first = run[0];
    const last = run[run.length - 1];
    run = [];
    if (!first || !last) return;
    if (first.reason) {
      removed.push({ start: first.span.start, end: last.span.end, reason: first.reason });
      return;
    }
    const span = { start: first.span.start, end: last.span.end };
    const cut = cuts.get(first.paragraph);
    if (cut !== undefined && cut > span.start && cut < span.end) {
      const kept = trimSpan(text, { start: span.start, end: cut });
      const note = trimSpan(text, { start: cut, end: span.end });
      body.push(kept);
      bodyParagraphs.push({ span: kept, lines: linesOf(lines, first, last) });
      removed.push({ ...note, reason: 'boilerplate' });
      return;
    }
    body.push(span);
    bodyParagraphs.push({ span, lines: linesOf(lines, first, last) });
  };
  for (const line of lines) {
    const previous = run[run.length - 1];
    if (previous && (previous.paragraph !== line.paragraph || previous.reason !== line.reason)) flush();
    run.push(line);
  }
  flush();
  return { body, removed, bodyParagraphs };
}

function linesOf(lines: Line[], first: Line, last: Line): Line[] {
  return lines.slice(first.index, last.index + 1);
}
