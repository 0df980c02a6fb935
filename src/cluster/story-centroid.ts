import type { ArticleFeatures } from './article-features.ts';
import { addScaled, getNorm, type SparseVector, truncateVector } from './sparse-vector.ts';
import { extendTimes, mergeTimes, type StoryTimes } from './time-window.ts';

/** A story: its articles and a bounded centroid of what they are about. */
export interface Story extends StoryTimes {
  id: string;
  articles: string[];
  /** Sum of the members' unit-length term vectors (before IDF), cut to the heaviest terms. */
  terms: SparseVector;
  /** Sum of the members' unit-length name vectors, cut likewise. */
  entities: SparseVector;
}

/** How many terms and names a centroid keeps; see `StoryClusterer` options for the values used. */
export interface CentroidLimits {
  maxTerms: number;
  maxEntities: number;
}

function addUnit(target: SparseVector, source: SparseVector): void {
  const norm = getNorm(source);
  if (norm > 0) addScaled(target, source, 1 / norm);
}

export function createStory(id: string): Story {
  return { id, articles: [], terms: new Map(), entities: new Map(), firstTime: null, lastTime: null };
}

/**
 * Adds an article to a story in place. Each member counts once whatever its length (unit vectors);
 * the centroid is then cut back to its heaviest entries so a long-running story stays small.
 */
export function addToStory(
  story: Story,
  articleId: string,
  features: ArticleFeatures,
  limits: CentroidLimits,
): void {
  story.articles.push(articleId);
  addUnit(story.terms, features.terms);
  addUnit(story.entities, features.entities);
  truncateVector(story.terms, limits.maxTerms);
  truncateVector(story.entities, limits.maxEntities);
  Object.assign(story, extendTimes(story, features.time));
}

/** Moves every article and centroid weight of `from` into `into`, in place. */
export function mergeStoryInto(into: Story, from: Story, limits: CentroidLimits): void {
  into.articles.push(...from.articles);
  addScaled(into.terms, from.terms);
  addScaled(into.entities, from.entities);
  truncateVector(into.terms, limits.maxTerms);
  truncateVector(into.entities, limits.maxEntities);
  Object.assign(into, mergeTimes(into, from));
}
