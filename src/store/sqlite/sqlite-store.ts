import Database from 'better-sqlite3';
import type { Article } from '../../model/article.ts';
import { getBodyText } from '../../model/article-text.ts';
import type { Rejection } from '../../model/raw-document.ts';
import type { StoryOrganization } from '../../model/story.ts';
import { parseStoredArticle, serializeArticle } from '../article-json.ts';
import { normalizePublishedKey } from '../published-key.ts';
import { parseSearchTerms } from '../search-terms.ts';
import type {
  ArticleQuery,
  ArticleSummary,
  IngestCounts,
  IngestRun,
  SearchHit,
  SequencedArticle,
  Store,
  StoredRejection,
} from '../store.ts';
import { buildFtsQuery } from './fts-query.ts';
import { migrateDatabase } from './migrations.ts';
import { prepareStoryTables } from './story-tables.ts';

/** How long a write waits for another process's transaction; batches commit in milliseconds, so 5 s is ample margin. */
const BUSY_TIMEOUT_MS = 5000;
/** Hits returned when the caller gives no limit: one terminal screen of results. */
const DEFAULT_SEARCH_LIMIT = 20;
/**
 * bm25 column weights (title, body). A title is a handful of words chosen to say what the article
 * is about, so a match there counts ten times a body match; 10 is the title weight in the FTS5
 * documentation's own bm25 example.
 */
const TITLE_WEIGHT = 10;
const BODY_WEIGHT = 1;
/** Tokens in a snippet: about one line of a terminal table. */
const SNIPPET_TOKENS = 16;
/** SQLite reads a negative LIMIT as "no limit". */
const NO_LIMIT = -1;

interface ArticleRow {
  id: string;
  content_hash: string;
  schema_version: number;
  title: string | null;
  outlet: string | null;
  published: string | null;
  published_key: string | null;
  url: string | null;
  lang: string;
  body: string;
  body_length: number;
  ingested_at: string;
  run_id: number;
  article: string;
}

type SummaryRow = Pick<
  ArticleRow,
  'id' | 'title' | 'outlet' | 'published' | 'url' | 'lang' | 'body_length' | 'ingested_at'
>;

interface RunRow {
  id: number;
  started_at: string;
  finished_at: string | null;
  inputs: string;
  counts: string;
}

interface RejectionRow {
  run_id: number;
  item: string;
  reason: string;
  source: string | null;
  at: string;
}

interface HitRow {
  id: string;
  title: string | null;
  snippet: string | null;
  rank: number;
}

/**
 * Opens (creating and migrating as needed) an embedded SQLite store; `:memory:` gives a private
 * in-memory one. better-sqlite3 is synchronous, which is fine for one local process: the async
 * methods only honour the Store interface shared with networked backends.
 */
export function openSqliteStore(path: string): Store {
  const db = openDatabase(path);

  const selectRun = db.prepare<[number], RunRow>('SELECT * FROM runs WHERE id = ?');
  const insertRun = db.prepare<[string, string, string]>(
    'INSERT INTO runs (started_at, inputs, counts) VALUES (?, ?, ?)',
  );
  const updateRunCounts = db.prepare<[string, number]>('UPDATE runs SET counts = ? WHERE id = ?');
  const finishRunRow = db.prepare<[string, string, number]>(
    'UPDATE runs SET finished_at = ?, counts = ? WHERE id = ?',
  );
  const selectRuns = db.prepare<[number], RunRow>('SELECT * FROM runs ORDER BY id DESC LIMIT ?');
  const selectHashes = db.prepare<[string], { id: string; content_hash: string }>(
    'SELECT id, content_hash FROM articles WHERE id IN (SELECT value FROM json_each(?))',
  );
  const selectHash = db.prepare<[string], { content_hash: string }>(
    'SELECT content_hash FROM articles WHERE id = ?',
  );
  const insertArticle = db.prepare<[ArticleRow]>(
    `INSERT INTO articles (id, content_hash, schema_version, title, outlet, published, published_key, url, lang,
       body, body_length, ingested_at, run_id, article)
     VALUES (@id, @content_hash, @schema_version, @title, @outlet, @published, @published_key, @url, @lang,
       @body, @body_length, @ingested_at, @run_id, @article)`,
  );
  const updateArticle = db.prepare<[ArticleRow]>(
    `UPDATE articles SET content_hash = @content_hash, schema_version = @schema_version, title = @title,
       outlet = @outlet, published = @published, published_key = @published_key, url = @url, lang = @lang,
       body = @body, body_length = @body_length, ingested_at = @ingested_at, run_id = @run_id, article = @article
     WHERE id = @id`,
  );
  const insertRejection = db.prepare<[number, string, string, string | null, string]>(
    'INSERT INTO rejections (run_id, item, reason, source, at) VALUES (?, ?, ?, ?, ?)',
  );
  const selectArticle = db.prepare<[string], { article: string }>(
    'SELECT article FROM articles WHERE id = ?',
  );
  // DESC puts NULL keys last in SQLite, which is what "undated articles last" needs.
  const selectSummaries = db.prepare<[number, number], SummaryRow>(
    `SELECT id, title, outlet, published, url, lang, body_length, ingested_at FROM articles
     ORDER BY published_key DESC, id LIMIT ? OFFSET ?`,
  );
  const countRows = db.prepare<[], number>('SELECT count(*) FROM articles').pluck();
  const selectHits = db.prepare<[string, number], HitRow>(
    `SELECT a.id, a.title,
       snippet(articles_fts, 1, '[', ']', '…', ${SNIPPET_TOKENS}) AS snippet,
       bm25(articles_fts, ${TITLE_WEIGHT}, ${BODY_WEIGHT}) AS rank
     FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid
     WHERE articles_fts MATCH ?
     ORDER BY rank, a.id LIMIT ?`,
  );
  const selectRejections = db.prepare<[number], RejectionRow>(
    'SELECT run_id, item, reason, source, at FROM rejections ORDER BY run_id DESC, id LIMIT ?',
  );
  const selectAfter = db.prepare<[number, number], { seq: number; id: string; article: string }>(
    'SELECT seq, id, article FROM articles WHERE seq > ? ORDER BY seq LIMIT ?',
  );
  const stories = prepareStoryTables(db);
  const selectRunRejections = db.prepare<[number, number], RejectionRow>(
    'SELECT run_id, item, reason, source, at FROM rejections WHERE run_id = ? ORDER BY id LIMIT ?',
  );

  function requireRun(runId: number): RunRow {
    const run = selectRun.get(runId);
    if (!run) throw new Error(`run ${runId} does not exist in this store`);
    return run;
  }

  /**
   * Writes one batch; better-sqlite3 commits the whole function or, on any throw, none of it.
   * 1. Check the run exists, so nothing is written under an unknown run.
   * 2. Per article: no row → insert; same hash → count as unchanged and write nothing; else replace
   *    the row (triggers replace its FTS entry). Checking row by row also handles an id repeated in the batch.
   * 3. Append the rejections, then add this batch's counts to the run so an interrupted run still
   *    shows what it committed.
   * 4. Apply the batch's story organization, its checkpoint covering every article now stored.
   */
  const saveBatchTransaction = db.transaction(
    (
      runId: number,
      articles: Article[],
      rejections: Rejection[],
      organization: StoryOrganization | undefined,
    ): IngestCounts => {
      const run = requireRun(runId);
      const counts: IngestCounts = { inserted: 0, updated: 0, unchanged: 0, rejected: rejections.length };
      for (const article of articles) {
        const stored = selectHash.get(article.id);
        if (stored?.content_hash === article.contentHash) {
          counts.unchanged++;
          continue;
        }
        const row = toArticleRow(article, runId);
        if (stored) {
          updateArticle.run(row);
          counts.updated++;
        } else {
          insertArticle.run(row);
          counts.inserted++;
        }
      }
      const at = new Date().toISOString();
      for (const rejection of rejections) {
        const source = rejection.source ? JSON.stringify(rejection.source) : null;
        insertRejection.run(runId, rejection.item, rejection.reason, source, at);
      }
      updateRunCounts.run(JSON.stringify(addCounts(JSON.parse(run.counts), counts)), runId);
      if (organization) stories.applyOrganization(organization, stories.getLastSeq());
      return counts;
    },
  );

  return {
    async beginRun(inputs) {
      const empty: IngestCounts = { inserted: 0, updated: 0, unchanged: 0, rejected: 0 };
      const result = insertRun.run(new Date().toISOString(), JSON.stringify(inputs), JSON.stringify(empty));
      return Number(result.lastInsertRowid);
    },
    async finishRun(runId, counts) {
      const result = finishRunRow.run(new Date().toISOString(), JSON.stringify(counts), runId);
      if (result.changes === 0) throw new Error(`run ${runId} does not exist in this store`);
    },
    async listRuns(limit) {
      return selectRuns.all(checkLimit(limit)).map(toIngestRun);
    },
    async getContentHashes(ids) {
      const rows = selectHashes.all(JSON.stringify(ids));
      return new Map(rows.map((row) => [row.id, row.content_hash]));
    },
    async saveBatch(runId, articles, rejections, organization) {
      // IMMEDIATE takes the write lock up front: a deferred transaction that reads first cannot
      // upgrade to a writer in WAL mode once another process has committed, and would fail at once.
      return saveBatchTransaction.immediate(runId, articles, rejections, organization);
    },
    async saveOrganization(organization, throughSeq) {
      db.transaction(() =>
        stories.applyOrganization(organization, throughSeq ?? stories.getLastSeq()),
      ).immediate();
    },
    async loadCheckpoint() {
      return stories.loadCheckpoint();
    },
    async listArticlesAfter(afterSeq, limit): Promise<SequencedArticle[]> {
      return selectAfter
        .all(afterSeq, checkCount('limit', limit))
        .map((row) => ({ seq: row.seq, article: parseStoredArticle(row.article, row.id) }));
    },
    async resetOrganization() {
      db.transaction(() => stories.reset()).immediate();
    },
    async getStoriesOfArticles(ids) {
      return stories.getStoriesOfArticles(ids);
    },
    async getRepresentatives(storyIds) {
      return stories.getRepresentatives(storyIds);
    },
    async listStories(query = {}) {
      return stories.listStories(query, checkLimit(query.limit), checkCount('offset', query.offset ?? 0));
    },
    async countStories() {
      return stories.countStories();
    },
    async getStory(id) {
      return stories.getStory(id);
    },
    async getArticle(id) {
      const row = selectArticle.get(id);
      return row ? parseStoredArticle(row.article, id) : undefined;
    },
    async listArticles(query: ArticleQuery = {}) {
      return selectSummaries
        .all(checkLimit(query.limit), checkCount('offset', query.offset ?? 0))
        .map(toSummary);
    },
    async countArticles() {
      return countRows.get() ?? 0;
    },
    async search(query, limit = DEFAULT_SEARCH_LIMIT): Promise<SearchHit[]> {
      const match = buildFtsQuery(parseSearchTerms(query));
      if (match === undefined) return [];
      return selectHits.all(match, checkCount('limit', limit)).map((row) => ({
        id: row.id,
        ...(row.title === null ? {} : { title: row.title }),
        snippet: row.snippet ?? '',
        rank: row.rank,
      }));
    },
    async listRejections(runId, limit) {
      const rows =
        runId === undefined
          ? selectRejections.all(checkLimit(limit))
          : selectRunRejections.all(runId, checkLimit(limit));
      return rows.map(toStoredRejection);
    },
    async close() {
      // SQLite's advice for every connection that wrote: refresh planner statistics on the way out.
      try {
        db.pragma('optimize');
      } finally {
        db.close();
      }
    },
  };
}

/** Opens the file with the connection settings every store needs, then migrates it; errors name the path. */
function openDatabase(path: string): Database.Database {
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { timeout: BUSY_TIMEOUT_MS });
    // WAL lets readers run beside the writer; NORMAL sync in WAL mode can lose the last commits on
    // power loss but never corrupts the file, and a process crash loses nothing that committed.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrateDatabase(db);
    return db;
  } catch (error) {
    db?.close();
    throw new Error(`cannot open store ${path}: ${(error as Error).message}`);
  }
}

function toArticleRow(article: Article, runId: number): ArticleRow {
  const body = getBodyText(article);
  return {
    id: article.id,
    content_hash: article.contentHash,
    schema_version: article.schemaVersion,
    title: article.title?.value ?? null,
    outlet: article.outlet?.value ?? null,
    published: article.published?.value ?? null,
    published_key: normalizePublishedKey(article.published?.value) ?? null,
    url: article.url?.value ?? null,
    lang: article.lang.code,
    body,
    body_length: body.length,
    ingested_at: article.ingestedAt,
    run_id: runId,
    article: serializeArticle(article),
  };
}

function toSummary(row: SummaryRow): ArticleSummary {
  return {
    id: row.id,
    ...(row.title === null ? {} : { title: row.title }),
    ...(row.outlet === null ? {} : { outlet: row.outlet }),
    ...(row.published === null ? {} : { published: row.published }),
    ...(row.url === null ? {} : { url: row.url }),
    lang: row.lang,
    bodyLength: row.body_length,
    ingestedAt: row.ingested_at,
  };
}

function toIngestRun(row: RunRow): IngestRun {
  return {
    id: row.id,
    startedAt: row.started_at,
    ...(row.finished_at === null ? {} : { finishedAt: row.finished_at }),
    inputs: JSON.parse(row.inputs),
    counts: JSON.parse(row.counts),
  };
}

function toStoredRejection(row: RejectionRow): StoredRejection {
  return {
    runId: row.run_id,
    item: row.item,
    reason: row.reason,
    ...(row.source === null ? {} : { source: JSON.parse(row.source) }),
    at: row.at,
  };
}

function addCounts(a: IngestCounts, b: IngestCounts): IngestCounts {
  return {
    inserted: a.inserted + b.inserted,
    updated: a.updated + b.updated,
    unchanged: a.unchanged + b.unchanged,
    rejected: a.rejected + b.rejected,
  };
}

/** An optional limit: absent means all rows. */
function checkLimit(limit: number | undefined): number {
  return limit === undefined ? NO_LIMIT : checkCount('limit', limit);
}

function checkCount(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a whole number ≥ 0, got ${value}`);
  }
  return value;
}
