import { EMPTY_VECTOR, getRawNorm, type IdVector, type VectorSummer } from './id-vector.ts';
import { extendTimes, mergeTimes, type StoryTimes } from './time-window.ts';

/** A story: how many articles it has and a bounded centroid of what they are about. */
export interface Story extends StoryTimes {
  id: string;
  size: number;
  /** Sum of the members' unit-length term vectors (before IDF), cut to the heaviest terms. */
  terms: IdVector;
  /** Sum of the members' unit-length name vectors, cut likewise. */
  entities: IdVector;
  /**
   * `‖Σ members‖²` of the term vectors, kept as they are added, before the centroid is cut (the
   * cut centroid's norm would make stories of long articles look loose).
   */
  sumSquared: number;
  /**
   * `‖Σ members‖ / size`, in (0, 1]: 1 when every member says the same, `1/√size` when no two
   * share a term. Cosine to the centroid times this is the mean cosine to the members (average link).
   */
  cohesion: number;
  /** Index keys chosen when the story last changed (term ids, and names as `~id`), kept with it. */
  keys: number[];
  /** The stream's article count when the story last changed. */
  updatedAt: number;
}

/** How centroids are summed and bounded; see `StoryClusterer` options for the values used. */
export interface CentroidContext {
  termSummer: VectorSummer;
  entitySummer: VectorSummer;
  maxTerms: number;
  maxEntities: number;
}

export function createStory(id: string): Story {
  return {
    id,
    size: 0,
    terms: EMPTY_VECTOR,
    entities: EMPTY_VECTOR,
    sumSquared: 0,
    cohesion: 1,
    keys: [],
    updatedAt: 0,
    firstTime: null,
    lastTime: null,
  };
}

/** Cohesion from the norm before the cut: see `Story.cohesion`. */
export function getCohesion(story: { sumSquared: number; size: number }): number {
  return story.size === 0 ? 1 : Math.sqrt(story.sumSquared) / story.size;
}

/**
 * Adds an article to a story in place. Each member counts once whatever its length (unit vectors);
 * the centroid is then cut back to its heaviest entries so a long-running story stays small.
 */
export function addToStory(
  story: Story,
  article: { terms: IdVector; entities: IdVector; time: number | null },
  context: CentroidContext,
): void {
  const norm = getRawNorm(article.terms);
  if (norm > 0) {
    const { sum, dot } = context.termSummer.add(story.terms, article.terms, 1 / norm, context.maxTerms);
    story.terms = sum;
    story.sumSquared += 2 * dot + 1;
  }
  const entityNorm = getRawNorm(article.entities);
  if (entityNorm > 0) {
    story.entities = context.entitySummer.add(
      story.entities,
      article.entities,
      1 / entityNorm,
      context.maxEntities,
    ).sum;
  }
  story.size++;
  story.cohesion = getCohesion(story);
  Object.assign(story, extendTimes(story, article.time));
}

/** Moves every article and centroid weight of `from` into `into`, in place. */
export function mergeStoryInto(into: Story, from: Story, context: CentroidContext): void {
  const { sum, dot } = context.termSummer.add(into.terms, from.terms, 1, context.maxTerms);
  into.terms = sum;
  into.sumSquared += from.sumSquared + 2 * dot;
  into.entities = context.entitySummer.add(into.entities, from.entities, 1, context.maxEntities).sum;
  into.size += from.size;
  into.cohesion = getCohesion(into);
  Object.assign(into, mergeTimes(into, from));
}
