import { detectEntities, isTitleCased } from './detect-entities.ts';
import { scanTerms } from './tokenize-terms.ts';

/** A sparse vector: key → weight. Keys absent are zero. */
export type SparseVector = Map<string, number>;

/** One article as the clusterer sees it. `date` is ISO 8601 or null when unknown. */
export interface ClusterArticle {
  id: string;
  title: string;
  text: string;
  date: string | null;
}

/**
 * What an article is about, before IDF weighting (IDF changes as the stream grows). Plain data
 * (maps of strings and numbers), so it survives a structured clone from a worker thread.
 */
export interface ArticleFeatures {
  /** Sublinear term weights, title occurrences counted `titleWeight` times. */
  terms: SparseVector;
  /** Sublinear weights of capitalised names. */
  entities: SparseVector;
  /** Milliseconds since the epoch, or null when the date is missing. */
  time: number | null;
  /** A written form of each term ("impeachment" for `impeach`) and name, for labels and reasons. */
  termForms: Map<string, string>;
  entityForms: Map<string, string>;
}

/** The options `extractFeatures` reads; `ClusterOptions` includes them. */
export interface FeatureOptions {
  titleWeight: number;
  /** Only this many leading characters of the body are read: the lead says what the story is. */
  bodyChars: number;
}

/** `1 + ln(count)`: a term repeated ten times is not ten times as telling. */
function toSublinear(counts: Map<string, number>): SparseVector {
  const vector: SparseVector = new Map();
  for (const [key, count] of counts) vector.set(key, 1 + Math.log(count));
  return vector;
}

/** Milliseconds of an ISO date, null when absent; an unreadable date is an error naming the article. */
export function parseTime(date: string | null, articleId: string): number | null {
  if (date === null) return null;
  const time = Date.parse(date);
  if (Number.isNaN(time)) throw new Error(`article ${articleId}: unreadable date ${JSON.stringify(date)}`);
  return time;
}

/**
 * The features of one article. Pure, so it can run on a worker thread; the clusterer only needs the
 * same `FeatureOptions` it was built with.
 * 1. Terms of the title (weighted `titleWeight`) and of the body's lead; sublinear weights.
 * 2. Names from the body lead, plus the title's when it is written in sentence case.
 * 3. The date as a time stamp.
 */
export function extractFeatures(article: ClusterArticle, options: FeatureOptions): ArticleFeatures {
  const body = article.text.slice(0, options.bodyChars);
  const termCounts = new Map<string, number>();
  const termForms = new Map<string, string>();
  const addTerms = (text: string, weight: number) =>
    scanTerms(text, ({ term, form }) => {
      termCounts.set(term, (termCounts.get(term) ?? 0) + weight);
      if (!termForms.has(term)) termForms.set(term, form);
    });
  addTerms(article.title, options.titleWeight);
  addTerms(body, 1);
  const entityForms = new Map<string, string>();
  const entityCounts = detectEntities(body, entityForms);
  if (!isTitleCased(article.title)) {
    for (const [key, count] of detectEntities(article.title, entityForms))
      entityCounts.set(key, (entityCounts.get(key) ?? 0) + count);
  }
  return {
    terms: toSublinear(termCounts),
    entities: toSublinear(entityCounts),
    time: parseTime(article.date, article.id),
    termForms,
    entityForms,
  };
}
