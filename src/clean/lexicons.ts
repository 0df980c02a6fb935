import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { RemovalReason } from '../model/span.ts';

/**
 * The cleaner's word lists and patterns from `data/lexicons/`, read and compiled once at module
 * load (cleaning is on the ingest hot path). Patterns are matched against
 * `normalizeForComparison` output: lower case, straight `'` quotes, `-` dashes, single spaces.
 */

const LEXICON_DIR = new URL('../../data/lexicons/', import.meta.url);

const removalReason = z.enum([
  'title',
  'repeated-title',
  'byline',
  'timestamp',
  'comment-prompt',
  'share-prompt',
  'newsletter-prompt',
  'related-links',
  'image-prompt',
  'image-caption',
  'author-box',
  'ad-marker',
  'navigation',
  'copyright',
  'boilerplate',
]) satisfies z.ZodType<RemovalReason>;

const noiseLinesSchema = z.object({
  reportingTerms: z.array(z.string()),
  trailingSentences: z.array(z.string()),
  trailingTriggers: z.array(z.string()),
  rules: z.array(
    z.object({
      reason: removalReason,
      maxWords: z.number().int().positive(),
      skipIfReporting: z.boolean().optional(),
      patterns: z.array(z.string()).min(1),
    }),
  ),
});
const metaBarSchema = z.object({
  separators: z.string(),
  segments: z.record(z.string(), z.array(z.string())),
  strongSegments: z.array(z.string()),
  priority: z.array(removalReason),
});
const blockHeadingsSchema = z.object({
  'related-links': z.object({
    headings: z.array(z.string()),
    weakHeadings: z.array(z.string()),
    inlineLabels: z.array(z.string()),
  }),
  'comment-prompt': z.object({ headings: z.array(z.string()), followers: z.array(z.string()) }),
  'author-box': z.object({ headings: z.array(z.string()), maxFollowerWords: z.number().int().positive() }),
});
const imagePromptSchema = z.object({
  imageNouns: z.array(z.string()),
  connectors: z.array(z.string()),
  imperatives: z.array(z.string()),
  styleTerms: z.array(z.string()),
  reportingTerms: z.array(z.string()),
  finiteVerbs: z.array(z.string()),
  calendarTerms: z.array(z.string()),
});
const timestampWordsSchema = z.object({
  keywords: z.array(z.string()),
  fillers: z.array(z.string()),
  months: z.array(z.string()),
  weekdays: z.array(z.string()),
  timezones: z.array(z.string()),
});
const signalsSchema = z.record(z.string(), z.string());

function readLexicon<T>(name: string, schema: z.ZodType<T>): T {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(new URL(name, LEXICON_DIR), 'utf8'));
  } catch (error) {
    throw new Error(`lexicon ${name}: ${(error as Error).message}`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success)
    throw new Error(`lexicon ${name}: ${z.prettifyError(parsed.error).replace(/\n/g, '; ')}`);
  return parsed.data;
}

/** A one-word-a-line list; `#` starts a comment line. */
function readWordList(name: string): string[] {
  return readFileSync(new URL(name, LEXICON_DIR), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One alternation of regular-expression sources. */
function alternate(sources: string[]): string {
  return sources.map((source) => `(?:${source})`).join('|');
}

/** Literal terms as one regular expression matching any of them as whole words. */
function compileTerms(terms: string[], flags = 'u'): RegExp {
  const sorted = [...terms].sort((a, b) => b.length - a.length).map(escapeRegExp);
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${sorted.join('|')})(?![\\p{L}\\p{N}])`, flags);
}

/** A whole line made of one of the heading patterns, optionally followed by a colon or an ellipsis. */
function compileHeading(sources: string[]): RegExp {
  return new RegExp(`^(?:${alternate(sources)})\\s*(?::|\\.{3})?$`, 'u');
}

export interface NoiseLineRule {
  reason: RemovalReason;
  maxWords: number;
  skipIfReporting: boolean;
  pattern: RegExp;
}

const noiseLines = readLexicon('noise-lines.json', noiseLinesSchema);
export const NOISE_LINE_RULES: NoiseLineRule[] = noiseLines.rules.map((rule) => ({
  reason: rule.reason,
  maxWords: rule.maxWords,
  skipIfReporting: rule.skipIfReporting ?? false,
  pattern: new RegExp(alternate(rule.patterns), 'u'),
}));
/** The longest line any lexicon line rule examines. */
export const MAX_LINE_RULE_WORDS = Math.max(...NOISE_LINE_RULES.map((rule) => rule.maxWords));
/** Words of attributed reporting; rules marked `skipIfReporting` never remove a line containing one. */
export const REPORTING_TERMS = compileTerms(noiseLines.reportingTerms);
/** Sentences that end an otherwise genuine paragraph with a publisher's note ("will update this story"). */
export const TRAILING_BOILERPLATE = new RegExp(alternate(noiseLines.trailingSentences), 'u');
/** A word every trailing note contains; paragraphs without one are not split into sentences. */
export const TRAILING_TRIGGER = compileTerms(noiseLines.trailingTriggers, 'iu');

const metaBar = readLexicon('meta-bar.json', metaBarSchema);
export const META_BAR = {
  separator: new RegExp(metaBar.separators, 'u'),
  segmentKinds: Object.entries(metaBar.segments).map(([reason, sources]) => ({
    reason: removalReason.parse(reason),
    pattern: new RegExp(`^(?:${alternate(sources)})$`, 'u'),
  })),
  strong: new RegExp(`^(?:${alternate(metaBar.strongSegments)})$`, 'u'),
  priority: metaBar.priority,
};

const blockHeadings = readLexicon('block-headings.json', blockHeadingsSchema);
const related = blockHeadings['related-links'];
export const RELATED_LINKS = {
  heading: compileHeading(related.headings),
  weakHeading: compileHeading(related.weakHeadings),
  /** `Label: Title` on one line; group 1 is the title. */
  inline: new RegExp(`^(?:${alternate(related.inlineLabels)})\\s*:\\s*(\\S.*)$`, 'u'),
};
export const COMMENT_FORM = {
  heading: compileHeading(blockHeadings['comment-prompt'].headings),
  follower: new RegExp(`^(?:${alternate(blockHeadings['comment-prompt'].followers)})$`, 'u'),
};
export const AUTHOR_BOX = {
  heading: compileHeading(blockHeadings['author-box'].headings),
  maxFollowerWords: blockHeadings['author-box'].maxFollowerWords,
};

const imagePrompt = readLexicon('image-prompt.json', imagePromptSchema);
const imageNouns = alternate(imagePrompt.imageNouns.map(escapeRegExp));
const connectors = alternate(imagePrompt.connectors.map(escapeRegExp));
export const IMAGE_PROMPT = {
  /** "A/An (up to five modifiers) image-noun connector", e.g. "a stylized, slightly surreal image of". */
  opening: new RegExp(`^an?\\s+(?:[\\p{L}'-]+,?\\s+){0,5}?(?:${imageNouns})\\s+(?:${connectors})\\b`, 'u'),
  /** "Create/Generate ... an image", the instruction form. */
  imperative: new RegExp(
    `^(?:${alternate(imagePrompt.imperatives)})\\s+(?:an?|the)\\s+(?:[\\p{L}'-]+,?\\s+){0,3}?(?:${imageNouns})\\b`,
    'u',
  ),
  styleTerms: compileTerms(imagePrompt.styleTerms, 'gu'),
  reporting: compileTerms(imagePrompt.reportingTerms),
  finiteVerbs: compileTerms(imagePrompt.finiteVerbs),
  calendarTerms: compileTerms(imagePrompt.calendarTerms),
};

const timestampWords = readLexicon('timestamp-words.json', timestampWordsSchema);
const calendarWords = [...timestampWords.months, ...timestampWords.weekdays].map(escapeRegExp);
export const TIMESTAMP = {
  keyword: compileTerms(timestampWords.keywords),
  /** A calendar date: a month or weekday name, or a numeric date (2024-06-14, 14/06/2024). */
  dateToken: new RegExp(
    `(?<![\\p{L}])(?:${calendarWords.join('|')})(?![\\p{L}])|\\d{1,4}[-/.]\\d{1,2}[-/.]\\d{1,4}`,
    'u',
  ),
  /** Every word a timestamp line may contain, to be stripped; what is left must have no letters. */
  strip: new RegExp(
    `(?<![\\p{L}])(?:${alternate([
      ...timestampWords.keywords.map(escapeRegExp),
      ...timestampWords.fillers,
      ...timestampWords.timezones.map(escapeRegExp),
      ...calendarWords.map((word) => `${word}\\.?`),
    ])})(?![\\p{L}])`,
    'gu',
  ),
};

export const SECTION_NAMES: ReadonlySet<string> = new Set(readWordList('section-names.txt'));
export const BYLINE_ROLES = compileTerms(readWordList('byline-roles.txt'), 'iu');

export const SIGNAL_PATTERNS: { kind: string; pattern: RegExp }[] = Object.entries(
  readLexicon('signals.json', signalsSchema),
).map(([kind, source]) => ({ kind, pattern: new RegExp(source, 'u') }));
