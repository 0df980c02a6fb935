import type { Article } from '../model/article.ts';
import type { Rejection } from '../model/raw-document.ts';
import type { StoryDetail, StoryOrganization, StorySummary } from '../model/story.ts';

/** One row of an article listing: enough to show a table without loading the full article. */
export interface ArticleSummary {
  id: string;
  title?: string;
  outlet?: string;
  published?: string;
  url?: string;
  lang: string;
  /** Characters of kept body text. */
  bodyLength: number;
  ingestedAt: string;
}

export interface SearchHit {
  id: string;
  title?: string;
  /** A short excerpt of the body around the match, with matches wrapped in `[` `]`. */
  snippet: string;
  /** Relevance from FTS5 bm25 (lower is better), as returned by the backend. */
  rank: number;
}

export interface StoredRejection extends Rejection {
  runId: number;
  at: string;
}

/** Counts a run reports; also stored with the run. */
export interface IngestCounts {
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

export interface IngestRun {
  id: number;
  startedAt: string;
  finishedAt?: string;
  inputs: string[];
  counts: IngestCounts;
}

export interface ArticleQuery {
  limit?: number;
  offset?: number;
}

export interface StoryQuery {
  limit?: number;
  offset?: number;
  /** `recent` (default): latest published article first, undated last; `size`: most articles first. */
  sort?: 'recent' | 'size';
}

/** The engines' last saved state and the arrival position (`seq`) of the last article it includes. */
export interface StoredCheckpoint {
  throughSeq: number;
  dedupe: string;
  cluster: string;
}

/** An article with its arrival position, for replaying articles through the engines in order. */
export interface SequencedArticle {
  seq: number;
  article: Article;
}

/**
 * Persistence contract shared by every backend (embedded SQLite now, PostgreSQL later); the
 * contract tests in store-contract.ts run against each. All writes of one `saveBatch` commit
 * atomically, so a crash loses at most the batch in flight and a re-run resumes cleanly.
 */
export interface Store {
  /** Starts an ingest run and returns its id; rejections and articles of a batch name their run. */
  beginRun(inputs: string[]): Promise<number>;
  /** Marks the run finished; `counts` (the caller's final tally) replaces the per-batch sums. */
  finishRun(runId: number, counts: IngestCounts): Promise<void>;
  listRuns(limit?: number): Promise<IngestRun[]>;
  /** Stored content hash for each of these ids that exists, to skip unchanged re-ingestion. */
  getContentHashes(ids: string[]): Promise<Map<string, string>>;
  /**
   * Writes articles (insert, or replace when the id exists with another content hash; an identical
   * hash is a no-op) and rejections in one transaction, and adds the batch's counts to the run's, so
   * a run that never finished still shows what it committed. Rejects for an unknown run.
   */
  saveBatch(
    runId: number,
    articles: Article[],
    rejections: Rejection[],
    organization?: StoryOrganization,
  ): Promise<IngestCounts>;
  /**
   * Writes what dedupe and clustering decided for articles already stored (a replay or recluster),
   * in one transaction. Assignments and duplicate records replace earlier ones for the same article;
   * merges move the absorbed story's articles and aliases to the surviving story. A checkpoint is
   * saved as covering articles through `throughSeq` (default: every stored article). `saveBatch`
   * applies its organization the same way, its checkpoint covering every article stored then.
   */
  saveOrganization(organization: StoryOrganization, throughSeq?: number): Promise<void>;
  /** The engines' last checkpoint, or undefined when none was saved (a new or reset store). */
  loadCheckpoint(): Promise<StoredCheckpoint | undefined>;
  /** Stored articles with `seq` greater than `afterSeq`, in arrival order. */
  listArticlesAfter(afterSeq: number, limit: number): Promise<SequencedArticle[]>;
  /** Forgets every story, assignment, alias, duplicate record and the checkpoint (before a recluster). */
  resetOrganization(): Promise<void>;
  /** The current story of each of these articles that has one. */
  getStoriesOfArticles(ids: string[]): Promise<Map<string, string>>;
  /** The representative article id of each of these stories that exists. */
  getRepresentatives(storyIds: string[]): Promise<Map<string, string>>;
  listStories(query?: StoryQuery): Promise<StorySummary[]>;
  countStories(): Promise<number>;
  /** A story by its id or by the id of a story merged into it; undefined when neither exists. */
  getStory(id: string): Promise<StoryDetail | undefined>;
  getArticle(id: string): Promise<Article | undefined>;
  listArticles(query?: ArticleQuery): Promise<ArticleSummary[]>;
  countArticles(): Promise<number>;
  /** Full-text search over title and body; `query` is user text (words and "quoted phrases"), never raw FTS syntax. */
  search(query: string, limit?: number): Promise<SearchHit[]>;
  listRejections(runId?: number, limit?: number): Promise<StoredRejection[]>;
  close(): Promise<void>;
}
