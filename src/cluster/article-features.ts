import { detectEntities, isTitleCased } from './detect-entities.ts';
import type { SparseVector } from './sparse-vector.ts';
import { tokenizeTerms } from './tokenize-terms.ts';

/** One article as the clusterer sees it. `date` is ISO 8601 or null when unknown. */
export interface ClusterArticle {
  id: string;
  title: string;
  text: string;
  date: string | null;
}

/** What an article is about, before IDF weighting (IDF changes as the stream grows). */
export interface ArticleFeatures {
  /** Sublinear term weights, title occurrences counted `titleWeight` times. */
  terms: SparseVector;
  /** Sublinear weights of capitalised names. */
  entities: SparseVector;
  /** Milliseconds since the epoch, or null when the date is missing. */
  time: number | null;
}

export interface FeatureOptions {
  titleWeight: number;
  /** Only this many leading characters of the body are read: the lead says what the story is. */
  bodyChars: number;
}

function addCounts(target: Map<string, number>, keys: Iterable<string>, weight: number): void {
  for (const key of keys) target.set(key, (target.get(key) ?? 0) + weight);
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
 * The features of one article.
 * 1. Terms of the title (weighted `titleWeight`) and of the body's lead; sublinear weights.
 * 2. Names from the body lead, plus the title's when it is written in sentence case.
 * 3. The date as a time stamp.
 */
export function extractFeatures(article: ClusterArticle, options: FeatureOptions): ArticleFeatures {
  const body = article.text.slice(0, options.bodyChars);
  const termCounts = new Map<string, number>();
  addCounts(termCounts, tokenizeTerms(article.title), options.titleWeight);
  addCounts(termCounts, tokenizeTerms(body), 1);
  const entityCounts = detectEntities(body);
  if (!isTitleCased(article.title)) {
    for (const [key, count] of detectEntities(article.title))
      entityCounts.set(key, (entityCounts.get(key) ?? 0) + count);
  }
  return {
    terms: toSublinear(termCounts),
    entities: toSublinear(entityCounts),
    time: parseTime(article.date, article.id),
  };
}
