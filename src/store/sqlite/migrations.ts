import type Database from 'better-sqlite3';

/** One step of the schema; `version` is the schema version after it, counting 1, 2, 3… without gaps. */
export interface Migration {
  version: number;
  description: string;
  sql: string;
}

/** Every schema step ever shipped, oldest first. Append new steps; never edit a shipped one. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'runs, articles with an external-content FTS5 index, rejections',
    sql: `
      CREATE TABLE runs (
        id INTEGER PRIMARY KEY,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        inputs TEXT NOT NULL,
        counts TEXT NOT NULL
      ) STRICT;

      -- seq is the stable integer key the FTS index points at: VACUUM may renumber an implicit rowid.
      CREATE TABLE articles (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        content_hash TEXT NOT NULL,
        schema_version INTEGER NOT NULL,
        title TEXT,
        outlet TEXT,
        published TEXT,
        published_key TEXT,
        url TEXT,
        lang TEXT NOT NULL,
        body TEXT NOT NULL,
        body_length INTEGER NOT NULL,
        ingested_at TEXT NOT NULL,
        run_id INTEGER NOT NULL REFERENCES runs (id),
        article TEXT NOT NULL
      ) STRICT;
      CREATE INDEX articles_content_hash ON articles (content_hash);
      CREATE INDEX articles_listing ON articles (published_key DESC, id);
      CREATE INDEX articles_run ON articles (run_id);

      -- title and body are read from articles (external content), so snippet() works without a second copy.
      CREATE VIRTUAL TABLE articles_fts USING fts5 (
        title,
        body,
        content = 'articles',
        content_rowid = 'seq',
        tokenize = 'porter unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts (rowid, title, body) VALUES (new.seq, new.title, new.body);
      END;
      CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, body) VALUES ('delete', old.seq, old.title, old.body);
      END;
      CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, body ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, body) VALUES ('delete', old.seq, old.title, old.body);
        INSERT INTO articles_fts (rowid, title, body) VALUES (new.seq, new.title, new.body);
      END;

      CREATE TABLE rejections (
        id INTEGER PRIMARY KEY,
        run_id INTEGER NOT NULL REFERENCES runs (id),
        item TEXT NOT NULL,
        reason TEXT NOT NULL,
        source TEXT,
        at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX rejections_run ON rejections (run_id);
    `,
  },
  {
    version: 2,
    description: 'stories, story assignments and aliases, duplicate groups, engine checkpoint',
    sql: `
      -- Label and count columns are rewritten whenever a batch touches the story, so listings need no aggregation.
      CREATE TABLE stories (
        id TEXT PRIMARY KEY,
        headline TEXT NOT NULL,
        representative_id TEXT NOT NULL,
        key_terms TEXT NOT NULL,
        key_entities TEXT NOT NULL,
        article_count INTEGER NOT NULL,
        source_count INTEGER NOT NULL,
        copy_count INTEGER NOT NULL,
        first_published TEXT,
        last_published TEXT,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX stories_recent ON stories (last_published DESC, id);
      CREATE INDEX stories_size ON stories (article_count DESC, id);

      -- story_id is the article's current story: merges move rows to the surviving story.
      CREATE TABLE story_articles (
        article_id TEXT PRIMARY KEY,
        story_id TEXT NOT NULL,
        score REAL NOT NULL,
        is_new INTEGER NOT NULL,
        via TEXT NOT NULL,
        copy_of TEXT,
        why TEXT NOT NULL
      ) STRICT;
      CREATE INDEX story_articles_story ON story_articles (story_id);

      CREATE TABLE story_aliases (
        alias TEXT PRIMARY KEY,
        story_id TEXT NOT NULL,
        score REAL NOT NULL,
        why TEXT NOT NULL
      ) STRICT;
      CREATE INDEX story_aliases_story ON story_aliases (story_id);

      CREATE TABLE duplicates (
        article_id TEXT PRIMARY KEY,
        group_id TEXT NOT NULL,
        match TEXT
      ) STRICT;
      CREATE INDEX duplicates_group ON duplicates (group_id);

      CREATE TABLE duplicate_groups (
        group_id TEXT PRIMARY KEY,
        representative_id TEXT NOT NULL
      ) STRICT;

      -- One row: the engines' state after every article up to through_seq (articles.seq).
      CREATE TABLE engine_checkpoint (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        through_seq INTEGER NOT NULL,
        dedupe TEXT NOT NULL,
        cluster TEXT NOT NULL
      ) STRICT;
    `,
  },
];

/**
 * Brings a database up to the newest schema in `migrations`; returns the resulting version.
 * 1. Read `PRAGMA user_version` (0 for a new or empty file).
 * 2. Refuse a version newer than the last step: this code would misread a schema it does not know.
 * 3. Apply each missing step in its own IMMEDIATE transaction together with its new user_version,
 *    re-checking the version inside it so two processes opening one new file cannot both apply a
 *    step; a failing step rolls back and leaves the database at the previous version.
 */
export function migrateDatabase(
  db: Database.Database,
  migrations: readonly Migration[] = MIGRATIONS,
): number {
  const latest = migrations.at(-1)?.version ?? 0;
  const found = readUserVersion(db);
  if (found > latest) {
    throw new Error(
      `database schema version ${found} is newer than this Dossier supports (${latest}); upgrade Dossier to open it`,
    );
  }
  for (const migration of migrations) {
    if (migration.version <= found) continue;
    db.transaction(() => {
      if (readUserVersion(db) >= migration.version) return;
      try {
        db.exec(migration.sql);
      } catch (error) {
        throw new Error(
          `schema migration ${migration.version} (${migration.description}) failed: ${(error as Error).message}`,
        );
      }
      // PRAGMA takes no bound parameters; the version is an integer from the list above.
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
  return readUserVersion(db);
}

/** The schema version recorded in the database header. */
export function readUserVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}
