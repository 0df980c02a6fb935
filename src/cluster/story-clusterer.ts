import {
  type ArticleFeatures,
  type ClusterArticle,
  extractFeatures,
  type FeatureOptions,
} from './article-features.ts';
import { DocumentFrequencies, type DocumentFrequencyState } from './document-frequencies.ts';
import { type IdVector, toIdVector, VectorSummer } from './id-vector.ts';
import { IdfCosine } from './idf-cosine.ts';
import { InvertedIndex } from './inverted-index.ts';
import {
  addToStory,
  type CentroidContext,
  createStory,
  getCohesion,
  mergeStoryInto,
  type Story,
} from './story-centroid.ts';
import { DAY_MS, isWithinWindow } from './time-window.ts';

/**
 * Tunables. Scores were tuned on `neus_dev` and three 307-story samples of `neus_train` (seed-0 to
 * seed-2 shuffles), never on `neus_test`, `basil` or `allsides_2021`; `docs/clustering.md` lists
 * the sweeps. The `../shared` seeds and stories development set (both must cluster exactly)
 * decided `idfPriorDocuments` and `bodyChars`.
 */
export interface ClusterOptions extends FeatureOptions {
  /** Minimum score to join a story rather than open one. */
  joinThreshold: number;
  /** Minimum story-to-story score for two live stories to merge. */
  mergeThreshold: number;
  /** Weight of the name cosine added to the term cosine. */
  entityWeight: number;
  /** Exponent of story cohesion in the score: 0 scores against the centroid, 1 is average link. */
  cohesionWeight: number;
  /** Imagined earlier documents in the IDF (see `DocumentFrequencies`), so a short stream is not starved. */
  idfPriorDocuments: number;
  /** Days around a story's dated articles within which it takes new articles; later it is dormant. */
  windowDays: number;
  /** A dated story leaves memory once its last article is `windowDays` + this many days older than the newest article seen. */
  dormantSlackDays: number;
  /** Dormant stories are swept out every this many articles, if not updated since the last sweep. */
  sweepArticles: number;
  /** At most this many stories are kept; the least recently updated leave first. */
  maxLiveStories: number;
  /** Centroid size bounds: heaviest terms and names kept per story. */
  maxTerms: number;
  maxEntities: number;
  /** An article looks up candidate stories by this many of its highest-weighted terms, and as many names. */
  queryKeys: number;
  /** A story is indexed under this many of its highest-weighted terms, and as many names. */
  indexKeys: number;
  /** A lookup reads at most this many of the most recently updated stories under each key. */
  postingScanLimit: number;
  /** At most this many candidates (most shared keys first) are scored per article. */
  maxCandidates: number;
}

export const DEFAULT_CLUSTER_OPTIONS: ClusterOptions = {
  // Tuning mean (B³ F1 over neus_dev and three 307-story neus_train samples, three shuffles each;
  // docs/clustering.md): 0.8426 at 0.20, 0.8480 at 0.21, 0.8500 at 0.22, 0.8508 at 0.23. The
  // full-article seeds and stories set cluster exactly only up to 0.22, so 0.21 keeps a step of
  // margin for long articles, whose scores run lower.
  joinThreshold: 0.21,
  // Tuning mean: 0.8407 at 0.2, 0.8480 at 0.3, 0.8478 at 0.4 and for "never merge". Whole
  // neus_train stream (undated / dated, threshold 0.21): 0.654 / 0.786 at 0.25, 0.660 / 0.789 at
  // 0.3, 0.660 / 0.790 at 0.4. Merges are for stories split early by arrival order that an article
  // later bridges.
  mergeThreshold: 0.3,
  // neus_dev B³ F1: 0.831 at 0, 0.826 at 0.05, 0.821 at 0.1, 0.790 at 0.3; with cohesion, tuning mean
  // 0.8460 at 0.05 vs 0.8500 at 0 (threshold 0.22). Shared names add
  // nothing the terms do not already say on these sets, so they only find candidates and explain.
  entityWeight: 0,
  // Tuning mean: 0 (plain centroid cosine; threshold 0.24, merge 0.4) 0.8402, 0.5 (0.23) 0.8475,
  // 0.75 (0.22) 0.8480, 1 (0.23) 0.8508. Whole neus_train stream (threshold 0.22), undated / dated:
  // 0.625 / 0.754 at 0.5, 0.657 / 0.782 at 0.75, 0.678 / 0.797 at 1. Cosine to a centroid rises
  // with the story's size, as averaging removes each member's noise, so big stories snowball; the
  // mean cosine to the members (1, average link) does not.
  cohesionWeight: 1,
  // neus_dev: 0 → 0.834, 20–100 → 0.837–0.838; without it the seeds and a two-article stream fail
  // (every shared term of two documents looks as common as a stopword).
  idfPriorDocuments: 50,
  // neus_dev: 1 and 1.5 → 0.834, 2 → 0.831, 3 → 0.831 (at threshold 0.24); titles help little here.
  titleWeight: 1.5,
  // neus_dev excerpts (~400 chars) are unaffected; 3000 is the smallest of 600/1500/3000/5000/all
  // under which the five seeds (full articles with bylines and subheads) form one story.
  bodyChars: 3000,
  // News events are covered within days; a week keeps follow-ups in while bounding candidates
  // (not tuned: NeuS is nearly undated and the dated sets are test sets).
  windowDays: 7,
  // Feeds deliver articles up to about a day out of date order; a later one cannot join a story
  // already dropped. Not tuned.
  dormantSlackDays: 1,
  // Articles can come out of date order (a backfill, a feed's late items), so a story an older
  // article just opened may look dormant at once: only stories untouched for a whole sweep leave.
  // 500 keeps a sweep's cost (one pass over live stories) under one lookup per article. Not tuned.
  sweepArticles: 500,
  // Never binds on the benchmark sets (at most 2,400 live stories, at the end of the 7,356 undated
  // neus_train articles); bounds an undated stream. A dated feed of 20,000 articles a day keeps about
  // 8 days × 20,000 × 0.4 stories per article = 64,000 in its window, so a very busy feed is
  // bounded by this, losing its least recently updated stories first. About 3.5 kB per story.
  maxLiveStories: 20_000,
  // A 3-article excerpt story has ~120 distinct terms; 150 keeps all of it and caps long stories.
  maxTerms: 150,
  maxEntities: 40,
  // neus_dev: looking up by all keys and scoring every hit gave the same F1 (0.819 vs 0.819 at
  // threshold 0.20), so these bounds cost nothing measurable. Tuning mean for 8 / 12 / 16 query
  // keys: 0.8500 / 0.8500 / 0.8501.
  queryKeys: 12,
  indexKeys: 20,
  // Postings per key / candidates, tuning mean at threshold 0.22: 100/50 0.8500, 32/20 0.8499,
  // 24/12 0.8500; at 0.21: 32/20 0.8486, 24/12 0.8480, 16/10 0.8484. Whole neus_train stream at
  // 0.21, undated / dated: 0.660 / 0.789 (32/20), 0.663 / 0.790 (24/12), 0.661 / 0.791 (16/10).
  // They bound the lookup on keys most stories share ("trump") and the scoring, so per-article cost
  // stops growing with the stream; 24/12 reads and scores about a quarter of 100/50.
  postingScanLimit: 24,
  maxCandidates: 12,
};

/** The full options for a partial set, defaults filled in: pass them to `extractFeatures` too. */
export function resolveClusterOptions(options: Partial<ClusterOptions> = {}): ClusterOptions {
  return { ...DEFAULT_CLUSTER_OPTIONS, ...options };
}

/** The shared terms and names behind a pairing, as written, heaviest first. */
export interface Reason {
  terms: string[];
  entities: string[];
}

export interface Assignment {
  /** Id of the story the article now belongs to. */
  story: string;
  /** Similarity to the story it joined; 0 when it opened a new one. */
  score: number;
  isNew: boolean;
  /** The shared terms and names behind the assignment (empty for a new story). */
  why: Reason;
  /** Stories absorbed into `story` because they converged after this article joined. */
  merged?: { story: string; score: number; why: Reason }[];
}

/** A centroid entry: key, raw weight, written form. */
export type CentroidEntry = [string, number, string];

export interface StoryState {
  id: string;
  size: number;
  terms: CentroidEntry[];
  entities: CentroidEntry[];
  /** The keys the story is indexed under: terms, and names prefixed `@`. */
  keys: string[];
  /** Squared norm of the sum of the members' term vectors, before the centroid was cut. */
  sumSquared: number;
  firstTime: number | null;
  lastTime: number | null;
  /** How many articles the stream had counted when the story last changed. */
  updatedAt: number;
}

/**
 * Everything the clusterer knows, as plain JSON-serialisable data. Bounded on an endless stream
 * (live stories only; see `maxLiveStories`), except the document frequencies, which grow with the
 * vocabulary. No per-article history: the caller keeps the returned assignments.
 */
export interface ClustererState {
  /** `CLUSTERER_STATE_VERSION` when saved; a state of another version is refused. */
  version: number;
  nextStory: number;
  /** Newest article time seen (ms), or null before the first dated article. */
  newestTime: number | null;
  termFrequencies: DocumentFrequencyState;
  entityFrequencies: DocumentFrequencyState;
  /** Live stories, least recently updated first. */
  stories: StoryState[];
}

/** Version of the `ClustererState` layout (2: bounded state without article ids). */
export const CLUSTERER_STATE_VERSION = 2;

/** See `StoryClusterer.getStats`. The last three count since the clusterer was made (not saved). */
export interface ClustererStats {
  liveStories: number;
  postings: number;
  termKeys: number;
  entityKeys: number;
  postingsRead: number;
  candidatesScored: number;
  /** Centroid terms walked while scoring candidates. */
  entriesScored: number;
}

/** An article's features over the dictionaries. */
interface ArticleVectors {
  terms: IdVector;
  entities: IdVector;
  time: number | null;
}

/** How many shared terms and names an explanation lists. */
const WHY_LENGTH = 5;

/**
 * Online story clustering: each article, in arrival order, joins the most similar live story or
 * opens a new one.
 * 1. Count the article's terms and names (from `extractFeatures`) into the stream's document
 *    frequencies first, so IDF always includes the article itself.
 * 2. Every `sweepArticles` articles, forget stories gone dormant (dated, past the window of the
 *    newest article, and not updated since the last sweep); after each article, beyond
 *    `maxLiveStories`, the least recently updated.
 * 3. Look up candidate stories in the inverted index by the article's heaviest terms and names
 *    (never a scan of all stories); skip stories outside the time window.
 * 4. Score each: IDF-weighted cosine to the centroid (plus `entityWeight` × the name cosine), times
 *    the story's cohesion to the power `cohesionWeight`. Join the best if it reaches
 *    `joinThreshold`, else open a new story. Record the shared keys as the reason.
 * 5. Update the story's bounded centroid and re-index it under its heaviest keys.
 * 6. Merge rule (only after a join: a new story is the article, which scored below the join
 *    threshold against its candidates): any live story whose score against the grown story
 *    reaches `mergeThreshold` is absorbed (two halves of one story that converged). The merged
 *    story keeps the older of the two ids; the other is reported in `merged`.
 */
export class StoryClusterer {
  private readonly options: ClusterOptions;
  private readonly termFrequencies: DocumentFrequencies;
  private readonly entityFrequencies: DocumentFrequencies;
  private readonly termCosine: IdfCosine;
  private readonly entityCosine: IdfCosine;
  private readonly centroids: CentroidContext;
  /** Live stories by id, least recently updated first (an update moves a story to the end). */
  private readonly stories = new Map<string, Story>();
  private readonly index = new InvertedIndex<Story>();
  private nextStory: number;
  private newestTime: number | null;
  /** Stories scored and centroid entries walked so far (see `getStats`). */
  private readonly work = { candidates: 0, entries: 0 };

  /** A saved `state` continues exactly where `toState()` left it, given the same options. */
  constructor(options: Partial<ClusterOptions> = {}, state?: ClustererState) {
    if (state && state.version !== CLUSTERER_STATE_VERSION) {
      throw new Error(`clusterer state version ${state.version}: expected ${CLUSTERER_STATE_VERSION}`);
    }
    this.options = resolveClusterOptions(options);
    const prior = this.options.idfPriorDocuments;
    this.termFrequencies = new DocumentFrequencies(state?.termFrequencies, prior);
    this.entityFrequencies = new DocumentFrequencies(state?.entityFrequencies, prior);
    this.termCosine = new IdfCosine(this.termFrequencies);
    this.entityCosine = new IdfCosine(this.entityFrequencies);
    this.centroids = {
      termSummer: new VectorSummer(this.termFrequencies),
      entitySummer: new VectorSummer(this.entityFrequencies),
      maxTerms: this.options.maxTerms,
      maxEntities: this.options.maxEntities,
    };
    this.nextStory = state?.nextStory ?? 1;
    this.newestTime = state?.newestTime ?? null;
    for (const saved of state?.stories ?? []) this.restoreStory(saved);
  }

  /** The options in force, defaults filled in (what `extractFeatures` must be given). */
  getOptions(): ClusterOptions {
    return { ...this.options };
  }

  /** Assigns one article (see the class outline). Ids are not kept: the caller keeps the assignments. */
  add(article: ClusterArticle): Assignment {
    return this.addFeatures(article.id, extractFeatures(article, this.options));
  }

  /** Same as add(), with features computed elsewhere (a worker) by extractFeatures(article, options). */
  addFeatures(_articleId: string, features: ArticleFeatures): Assignment {
    const article = this.toVectors(features, true);
    this.termFrequencies.addDocument(article.terms.ids);
    this.entityFrequencies.addDocument(article.entities.ids);
    if (article.time !== null && (this.newestTime === null || article.time > this.newestTime)) {
      this.newestTime = article.time;
    }
    this.sweepDormant();
    this.setProbe(article);
    const { best, bridged } = this.findStory(article);
    const joins = best !== undefined && best.score >= this.options.joinThreshold;
    // Explained before the story changes, while the article is the probe.
    const why = joins ? this.explain(best.story) : { terms: [], entities: [] };
    const story = joins ? best.story : createStory(`s${this.nextStory++}`);
    addToStory(story, article, this.centroids);
    this.touch(story);
    const merged = joins ? this.mergeConverged(story, bridged) : [];
    this.evictLeastRecent();
    return {
      story: story.id,
      score: joins ? best.score : 0,
      isNew: !joins,
      why,
      ...(merged.length > 0 ? { merged } : {}),
    };
  }

  /**
   * Steps 3–4: the best-scoring live candidate for the article (the probe), and the candidates
   * scoring at least `joinThreshold`: the stories the article could bring closer (step 6).
   */
  private findStory(article: ArticleVectors): { best?: { story: Story; score: number }; bridged: Story[] } {
    const keys = this.getKeys(article, this.options.queryKeys);
    const { maxCandidates, postingScanLimit, windowDays, joinThreshold } = this.options;
    let best: { story: Story; score: number } | undefined;
    const bridged: Story[] = [];
    for (const story of this.index.lookupTop(keys, maxCandidates, postingScanLimit)) {
      if (!isWithinWindow(story, article.time, windowDays)) continue;
      const score = this.scoreStory(story, 1);
      if (score >= joinThreshold) bridged.push(story);
      if (!best || score > best.score) best = { story, score };
    }
    return best ? { best, bridged } : { bridged };
  }

  /** Similarity of an article's features to a live story's current centroid (same scale as Assignment.score); undefined if the story is not live. */
  scoreFeatures(features: ArticleFeatures, storyId: string): number | undefined {
    const story = this.stories.get(storyId);
    if (!story) return undefined;
    this.setProbe(this.toVectors(features, false));
    return this.scoreStory(story, 1);
  }

  /** Heaviest keys of a live story's centroid, for its label: up to `limit` terms and `limit` names, as written. undefined if not live. */
  describeStory(storyId: string, limit: number): { terms: string[]; entities: string[] } | undefined {
    const story = this.stories.get(storyId);
    if (!story) return undefined;
    const formsOf = (cosine: IdfCosine, vector: IdVector) => {
      const ids = Array.from(vector.ids);
      return cosine.getHeaviestIds(vector, limit).map((id) => vector.forms[ids.indexOf(id)] ?? '');
    };
    return {
      terms: formsOf(this.termCosine, story.terms),
      entities: formsOf(this.entityCosine, story.entities),
    };
  }

  /** Live stories with their sizes, least recently updated first. */
  getStories(): { id: string; size: number }[] {
    return [...this.stories.values()].map((story) => ({ id: story.id, size: story.size }));
  }

  /**
   * What the clusterer holds and the work it has done so far (counts, not times, so a benchmark on a
   * busy machine can still show whether the cost per article stays flat).
   */
  getStats(): ClustererStats {
    return {
      liveStories: this.stories.size,
      postings: this.index.countPostings(),
      termKeys: this.termFrequencies.size,
      entityKeys: this.entityFrequencies.size,
      postingsRead: this.index.postingsRead,
      candidatesScored: this.work.candidates,
      entriesScored: this.work.entries,
    };
  }

  toState(): ClustererState {
    const entriesOf = (vector: IdVector, frequencies: DocumentFrequencies): CentroidEntry[] =>
      Array.from(vector.ids, (id, index) => [
        frequencies.getKey(id),
        vector.values[index] ?? 0,
        vector.forms[index] ?? '',
      ]);
    return {
      version: CLUSTERER_STATE_VERSION,
      nextStory: this.nextStory,
      newestTime: this.newestTime,
      termFrequencies: this.termFrequencies.toState(),
      entityFrequencies: this.entityFrequencies.toState(),
      stories: [...this.stories.values()].map((story) => ({
        id: story.id,
        size: story.size,
        terms: entriesOf(story.terms, this.termFrequencies),
        entities: entriesOf(story.entities, this.entityFrequencies),
        keys: story.keys.map((key) =>
          key >= 0 ? this.termFrequencies.getKey(key) : `@${this.entityFrequencies.getKey(~key)}`,
        ),
        sumSquared: story.sumSquared,
        firstTime: story.firstTime,
        lastTime: story.lastTime,
        updatedAt: story.updatedAt,
      })),
    };
  }

  private restoreStory(saved: StoryState): void {
    const vectorOf = (entries: CentroidEntry[], frequencies: DocumentFrequencies): IdVector => ({
      ids: Int32Array.from(entries, ([key]) => frequencies.getId(key)),
      values: Float64Array.from(entries, ([, value]) => value),
      forms: entries.map(([, , form]) => form),
    });
    const story = createStory(saved.id);
    Object.assign(story, {
      size: saved.size,
      terms: vectorOf(saved.terms, this.termFrequencies),
      entities: vectorOf(saved.entities, this.entityFrequencies),
      keys: saved.keys.map((key) =>
        key.startsWith('@') ? ~this.entityFrequencies.getId(key.slice(1)) : this.termFrequencies.getId(key),
      ),
      sumSquared: saved.sumSquared,
      firstTime: saved.firstTime,
      lastTime: saved.lastTime,
      updatedAt: saved.updatedAt,
    });
    story.cohesion = getCohesion(story);
    this.stories.set(story.id, story);
    this.index.setKeys(story, story.keys);
  }

  private toVectors(features: ArticleFeatures, register: boolean): ArticleVectors {
    return {
      terms: toIdVector(features.terms, features.termForms, this.termFrequencies, register),
      entities: toIdVector(features.entities, features.entityForms, this.entityFrequencies, register),
      time: features.time,
    };
  }

  /** Makes `profile` what `scoreStory` and `explain` compare with. */
  private setProbe(profile: { terms: IdVector; entities: IdVector }): void {
    this.termCosine.setProbe(profile.terms);
    this.entityCosine.setProbe(profile.entities);
  }

  /**
   * Score of `story` against the probe: term cosine (plus weighted name cosine), times both sides'
   * cohesion (`probeCohesion` is 1 for an article) to the power `cohesionWeight`: with weight 1,
   * the mean cosine between their members.
   */
  private scoreStory(story: Story, probeCohesion: number): number {
    this.work.candidates++;
    this.work.entries += story.terms.ids.length;
    let score = this.termCosine.cosine(story.terms);
    // With the default weight 0 the name cosine cannot change the score, so it is skipped.
    if (this.options.entityWeight !== 0)
      score += this.options.entityWeight * this.entityCosine.cosine(story.entities);
    const cohesion = story.cohesion * probeCohesion;
    return this.options.cohesionWeight === 0 ? score : score * cohesion ** this.options.cohesionWeight;
  }

  /** The shared terms and names behind pairing the probe with `story`. */
  private explain(story: Story): Reason {
    return {
      terms: this.termCosine.getSharedForms(story.terms, WHY_LENGTH),
      entities: this.entityCosine.getSharedForms(story.entities, WHY_LENGTH),
    };
  }

  /** Index keys of a profile: its `limit` heaviest terms (ids) and names (`~id`), by IDF weight. */
  private getKeys(profile: { terms: IdVector; entities: IdVector }, limit: number): number[] {
    const terms = this.termCosine.getHeaviestIds(profile.terms, limit);
    const entities = this.entityCosine.getHeaviestIds(profile.entities, limit);
    return [...terms, ...entities.map((id) => ~id)];
  }

  /** After a change: the story becomes the most recently updated and is re-indexed. */
  private touch(story: Story): void {
    this.stories.delete(story.id);
    this.stories.set(story.id, story);
    story.updatedAt = this.termFrequencies.documentCount;
    story.keys = this.getKeys(story, this.options.indexKeys);
    this.index.setKeys(story, story.keys);
  }

  private evict(story: Story): void {
    this.stories.delete(story.id);
    this.index.remove(story);
  }

  /**
   * Step 2, every `sweepArticles` articles: drops dated stories whose last article is past the
   * window (and slack) of the newest article seen, unless updated since the previous sweep. One pass
   * over the live stories per sweep: a fraction of a lookup per article.
   */
  private sweepDormant(): void {
    const articles = this.termFrequencies.documentCount;
    if (this.newestTime === null || articles % this.options.sweepArticles !== 0) return;
    const limit = this.newestTime - (this.options.windowDays + this.options.dormantSlackDays) * DAY_MS;
    for (const story of this.stories.values()) {
      const dormant = story.lastTime !== null && story.lastTime < limit;
      if (dormant && story.updatedAt <= articles - this.options.sweepArticles) this.evict(story);
    }
  }

  private evictLeastRecent(): void {
    for (const story of this.stories.values()) {
      if (this.stories.size <= this.options.maxLiveStories) return;
      this.evict(story);
    }
  }

  /**
   * Step 6: absorbs every live story among `candidates` that has converged with `story`. The
   * candidates are the other stories the article could have joined: an article close to two
   * stories is what brings them together, and it spares a second lookup and most scoring.
   */
  private mergeConverged(story: Story, candidates: Story[]): NonNullable<Assignment['merged']> {
    const merged: NonNullable<Assignment['merged']> = [];
    for (;;) {
      this.setProbe(story);
      let best: { story: Story; score: number } | undefined;
      for (const other of candidates) {
        if (other === story || this.stories.get(other.id) !== other) continue;
        if (!isWithinWindow(other, story.lastTime, this.options.windowDays)) continue;
        if (!isWithinWindow(other, story.firstTime, this.options.windowDays)) continue;
        const score = this.scoreStory(other, story.cohesion);
        if (!best || score > best.score) best = { story: other, score };
      }
      if (!best || best.score < this.options.mergeThreshold) return merged;
      const why = this.explain(best.story);
      mergeStoryInto(story, best.story, this.centroids);
      this.evict(best.story);
      // The merged story keeps the older id, so links to a story stay valid as it grows.
      let absorbedId = best.story.id;
      if (getStoryNumber(best.story.id) < getStoryNumber(story.id)) {
        this.stories.delete(story.id);
        absorbedId = story.id;
        story.id = best.story.id;
      }
      this.touch(story);
      merged.push({ story: absorbedId, score: best.score, why });
    }
  }
}

/** The counter in a story id (`s12` → 12): ids are handed out in creation order. */
function getStoryNumber(id: string): number {
  return Number(id.slice(1));
}
