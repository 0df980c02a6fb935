import type { ArticleFeatures } from '../cluster/article-features.ts';
import { StoryClusterer } from '../cluster/story-clusterer.ts';
import { type DuplicateDecision, DuplicateDetector } from '../dedupe/duplicate-detector.ts';
import type { Article } from '../model/article.ts';
import { getBodyText } from '../model/article-text.ts';
import type {
  DuplicateRecord,
  EngineCheckpoint,
  StoryAssignment,
  StoryLabel,
  StoryMerge,
  StoryOrganization,
} from '../model/story.ts';
import type { Store } from '../store/store.ts';
import { computePipelineFeatures, type PipelineFeatures } from './compute-pipeline-features.ts';

/** Key terms and names kept in a story's label: enough to tell similar stories apart in a list. */
const LABEL_KEYS = 8;
/** A headline made from body text (an article without a title) stops near this many characters. */
const HEADLINE_CHARS = 100;
/**
 * Representatives kept in memory with their features; a miss reloads the article from the store.
 * Live stories are what gets touched, and 20,000 covers weeks of a busy stream at a few KB each.
 */
const MAX_CACHED_REPRESENTATIVES = 20_000;

/** An article of a batch with the features computed for it (on a worker thread). */
export interface OrganizeItem {
  article: Article;
  features: PipelineFeatures;
}

interface Representative {
  articleId: string;
  headline: string;
  features: ArticleFeatures;
}

/**
 * Decides, for each article in arrival order, which earlier article it copies and which story it
 * belongs to, and keeps every story's label current. It owns the two engines; their state is
 * restored from the store's checkpoint and handed back with each batch's organization.
 */
export class StoryOrganizer {
  private readonly representatives = new Map<string, Representative>();

  private constructor(
    private readonly store: Store,
    private readonly detector: DuplicateDetector,
    private readonly clusterer: StoryClusterer,
    /** Arrival position (`seq`) of the last article the engines have seen. */
    public throughSeq: number,
  ) {}

  /** Restores the engines from the store's checkpoint, or starts empty when there is none. */
  static async open(store: Store): Promise<StoryOrganizer> {
    const checkpoint = await store.loadCheckpoint();
    if (!checkpoint) return new StoryOrganizer(store, new DuplicateDetector(), new StoryClusterer(), 0);
    return new StoryOrganizer(
      store,
      DuplicateDetector.fromState(JSON.parse(checkpoint.dedupe)),
      new StoryClusterer({}, JSON.parse(checkpoint.cluster)),
      checkpoint.throughSeq,
    );
  }

  /**
   * Organizes one batch, in order.
   * 1. Dedupe every article (dedupe never depends on stories, so it can run ahead).
   * 2. Look up the current stories of earlier-batch articles that this batch copies.
   * 3. Per article: a copy joins the story of the article it copies; any other article goes
   *    through the clusterer, and merges it reports are recorded and followed from then on.
   *    The story's representative is the member scoring highest against the story's centroid,
   *    compared each time a member joins (so the choice does not depend on batch boundaries).
   * 4. Label every story the batch touched that is still standing; record duplicate groups.
   */
  async organize(items: OrganizeItem[]): Promise<StoryOrganization> {
    const decisions = items.map((item) => this.detector.addFeatures(item.article.id, item.features.dedupe));
    const storyOf = await this.lookUpCopiedStories(items, decisions);
    const aliases = new Map<string, string>();
    const resolve = (story: string): string => {
      let current = story;
      for (let next = aliases.get(current); next !== undefined; next = aliases.get(current)) current = next;
      return current;
    };
    const assignments: StoryAssignment[] = [];
    const merges: StoryMerge[] = [];
    const touched = new Set<string>();

    for (const [index, item] of items.entries()) {
      const id = item.article.id;
      const match = decisions[index]?.match;
      const copiedStory = match ? storyOf.get(match.matchedId) : undefined;
      if (match && copiedStory !== undefined) {
        const story = resolve(copiedStory);
        assignments.push({
          articleId: id,
          storyId: story,
          score: 0,
          isNew: false,
          via: 'copy',
          copyOf: match.matchedId,
          why: { terms: [], entities: [] },
        });
        storyOf.set(id, story);
        continue;
      }
      const assignment = this.clusterer.addFeatures(id, item.features.cluster);
      assignments.push({
        articleId: id,
        storyId: assignment.story,
        score: assignment.score,
        isNew: assignment.isNew,
        via: 'similarity',
        why: assignment.why,
      });
      storyOf.set(id, assignment.story);
      touched.add(assignment.story);
      await this.offerRepresentative(assignment.story, item);
      for (const merged of assignment.merged ?? []) {
        merges.push({ from: merged.story, into: assignment.story, score: merged.score, why: merged.why });
        aliases.set(merged.story, assignment.story);
        touched.delete(merged.story);
        await this.mergeRepresentatives(merged.story, assignment.story);
      }
    }

    return {
      duplicates: toDuplicateRecords(decisions),
      assignments,
      merges,
      labels: await this.labelStories([...touched]),
    };
  }

  /** The engines' state now, to save with the batch just organized. */
  checkpoint(): EngineCheckpoint {
    return {
      dedupe: JSON.stringify(this.detector.toState()),
      cluster: JSON.stringify(this.clusterer.toState()),
    };
  }

  /** An organization that only saves the engines' state. */
  checkpointOnly(): StoryOrganization {
    return { duplicates: [], assignments: [], merges: [], labels: [], checkpoint: this.checkpoint() };
  }

  /** Stories, as stored, of the earlier articles this batch copies (in-batch ones are found as they go). */
  private async lookUpCopiedStories(
    items: OrganizeItem[],
    decisions: DuplicateDecision[],
  ): Promise<Map<string, string>> {
    const inBatch = new Set(items.map((item) => item.article.id));
    const earlier = decisions
      .map((decision) => decision.match?.matchedId)
      .filter((id): id is string => id !== undefined && !inBatch.has(id));
    return earlier.length > 0 ? this.store.getStoriesOfArticles([...new Set(earlier)]) : new Map();
  }

  /** Makes the new member the story's representative if it is more central than the current one. */
  private async offerRepresentative(storyId: string, item: OrganizeItem): Promise<void> {
    const candidate = toRepresentative(item.article, item.features.cluster);
    const current = await this.getRepresentative(storyId);
    if (!current || this.isMoreCentral(storyId, candidate, current))
      this.cacheRepresentative(storyId, candidate);
  }

  /** After a merge the survivor keeps whichever of the two representatives is more central now. */
  private async mergeRepresentatives(from: string, into: string): Promise<void> {
    const absorbed = await this.getRepresentative(from);
    this.representatives.delete(from);
    const current = await this.getRepresentative(into);
    if (absorbed && (!current || this.isMoreCentral(into, absorbed, current)))
      this.cacheRepresentative(into, absorbed);
  }

  /** Ties keep the current representative, which arrived first. */
  private isMoreCentral(storyId: string, candidate: Representative, current: Representative): boolean {
    const candidateScore = this.clusterer.scoreFeatures(candidate.features, storyId) ?? 0;
    const currentScore = this.clusterer.scoreFeatures(current.features, storyId) ?? 0;
    return candidateScore > currentScore;
  }

  private async getRepresentative(storyId: string): Promise<Representative | undefined> {
    const cached = this.representatives.get(storyId);
    if (cached) return cached;
    const articleId = (await this.store.getRepresentatives([storyId])).get(storyId);
    const article = articleId === undefined ? undefined : await this.store.getArticle(articleId);
    if (!article) return undefined;
    const representative = toRepresentative(article, computePipelineFeatures(article).cluster);
    this.cacheRepresentative(storyId, representative);
    return representative;
  }

  private cacheRepresentative(storyId: string, representative: Representative): void {
    this.representatives.delete(storyId);
    this.representatives.set(storyId, representative);
    if (this.representatives.size <= MAX_CACHED_REPRESENTATIVES) return;
    // Maps iterate in insertion order, and a story re-inserts on every change: the first is the stalest.
    const stalest = this.representatives.keys().next().value;
    if (stalest !== undefined) this.representatives.delete(stalest);
  }

  private async labelStories(storyIds: string[]): Promise<StoryLabel[]> {
    const labels: StoryLabel[] = [];
    for (const storyId of storyIds) {
      const representative = await this.getRepresentative(storyId);
      if (!representative) continue;
      const keys = this.clusterer.describeStory(storyId, LABEL_KEYS);
      labels.push({
        storyId,
        headline: representative.headline,
        representativeId: representative.articleId,
        keyTerms: keys?.terms ?? [],
        keyEntities: keys?.entities ?? [],
      });
    }
    return labels;
  }
}

function toRepresentative(article: Article, features: ArticleFeatures): Representative {
  return { articleId: article.id, headline: makeHeadline(article), features };
}

/** The title, else the body's opening words cut at a word boundary. */
export function makeHeadline(article: Article): string {
  const title = article.title?.value.trim();
  if (title) return title;
  const body = getBodyText(article).replace(/\s+/gu, ' ').trim();
  if (body.length <= HEADLINE_CHARS) return body;
  const cut = body.lastIndexOf(' ', HEADLINE_CHARS);
  return `${body.slice(0, cut > 0 ? cut : HEADLINE_CHARS)}…`;
}

/**
 * A copy and its group's first member both get a record (the first member's has no match), with
 * the group's representative as it stands after the copy joined.
 */
function toDuplicateRecords(decisions: DuplicateDecision[]): DuplicateRecord[] {
  const records: DuplicateRecord[] = [];
  for (const decision of decisions) {
    if (!decision.match) continue;
    const { groupId, representativeId } = decision;
    records.push({ articleId: groupId, groupId, representativeId });
    records.push({ articleId: decision.id, groupId, representativeId, match: decision.match });
  }
  return records;
}
