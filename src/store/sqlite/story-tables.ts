import type Database from 'better-sqlite3';
import type {
  DuplicateGroupDetail,
  DuplicateMatchRecord,
  StoryDetail,
  StoryMember,
  StoryOrganization,
  StoryReason,
  StorySummary,
} from '../../model/story.ts';
import type { StoredCheckpoint, StoryQuery } from '../store.ts';

interface StoryRow {
  id: string;
  headline: string;
  representative_id: string;
  key_terms: string;
  key_entities: string;
  article_count: number;
  source_count: number;
  copy_count: number;
  first_published: string | null;
  last_published: string | null;
  updated_at: string;
}

interface MemberRow {
  id: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  url: string | null;
  score: number;
  is_new: number;
  via: string;
  copy_of: string | null;
  why: string;
}

interface StoryStatsRow {
  article_count: number;
  source_count: number;
  copy_count: number;
  first_published: string | null;
  last_published: string | null;
}

/** Statements over the story and duplicate tables (schema version 2), for the SQLite store. */
export interface StoryTables {
  /** Applies a batch's organization; call inside the batch's transaction. */
  applyOrganization(organization: StoryOrganization, throughSeq: number): void;
  /** The arrival position of the last stored article (0 when none), for a checkpoint covering them all. */
  getLastSeq(): number;
  loadCheckpoint(): StoredCheckpoint | undefined;
  reset(): void;
  getStoriesOfArticles(ids: string[]): Map<string, string>;
  getRepresentatives(storyIds: string[]): Map<string, string>;
  listStories(query: StoryQuery, limit: number, offset: number): StorySummary[];
  countStories(): number;
  getStory(id: string): StoryDetail | undefined;
}

export function prepareStoryTables(db: Database.Database): StoryTables {
  const upsertAssignment = db.prepare(
    `INSERT OR REPLACE INTO story_articles (article_id, story_id, score, is_new, via, copy_of, why)
     VALUES (@articleId, @storyId, @score, @isNew, @via, @copyOf, @why)`,
  );
  const moveArticles = db.prepare<[string, string]>(
    'UPDATE story_articles SET story_id = ? WHERE story_id = ?',
  );
  const moveAliases = db.prepare<[string, string]>(
    'UPDATE story_aliases SET story_id = ? WHERE story_id = ?',
  );
  const upsertAlias = db.prepare<[string, string, number, string]>(
    'INSERT OR REPLACE INTO story_aliases (alias, story_id, score, why) VALUES (?, ?, ?, ?)',
  );
  const deleteStory = db.prepare<[string]>('DELETE FROM stories WHERE id = ?');
  const upsertStory = db.prepare(
    `INSERT OR REPLACE INTO stories (id, headline, representative_id, key_terms, key_entities,
       article_count, source_count, copy_count, first_published, last_published, updated_at)
     VALUES (@id, @headline, @representative_id, @key_terms, @key_entities,
       @article_count, @source_count, @copy_count, @first_published, @last_published, @updated_at)`,
  );
  // An article without an outlet is its own source: two unnamed outlets are not known to be one.
  const selectStats = db.prepare<[string], StoryStatsRow>(
    `SELECT count(*) AS article_count,
       count(DISTINCT coalesce(a.outlet, 'article:' || a.id)) AS source_count,
       coalesce(sum(sa.via = 'copy'), 0) AS copy_count,
       min(a.published_key) AS first_published,
       max(a.published_key) AS last_published
     FROM story_articles sa JOIN articles a ON a.id = sa.article_id
     WHERE sa.story_id = ?`,
  );
  const upsertDuplicate = db.prepare<[string, string, string | null]>(
    'INSERT OR REPLACE INTO duplicates (article_id, group_id, match) VALUES (?, ?, ?)',
  );
  const upsertGroup = db.prepare<[string, string]>(
    'INSERT OR REPLACE INTO duplicate_groups (group_id, representative_id) VALUES (?, ?)',
  );
  const upsertCheckpoint = db.prepare<[number, string, string]>(
    'INSERT OR REPLACE INTO engine_checkpoint (id, through_seq, dedupe, cluster) VALUES (1, ?, ?, ?)',
  );
  const selectCheckpoint = db.prepare<[], { through_seq: number; dedupe: string; cluster: string }>(
    'SELECT through_seq, dedupe, cluster FROM engine_checkpoint WHERE id = 1',
  );
  const selectLastSeq = db.prepare<[], number>('SELECT coalesce(max(seq), 0) FROM articles').pluck();
  const selectStoriesOf = db.prepare<[string], { article_id: string; story_id: string }>(
    'SELECT article_id, story_id FROM story_articles WHERE article_id IN (SELECT value FROM json_each(?))',
  );
  const selectRepresentatives = db.prepare<[string], { id: string; representative_id: string }>(
    'SELECT id, representative_id FROM stories WHERE id IN (SELECT value FROM json_each(?))',
  );
  // DESC puts NULL last_published (undated stories) last in SQLite.
  const selectRecent = db.prepare<[number, number], StoryRow>(
    'SELECT * FROM stories ORDER BY last_published DESC, id LIMIT ? OFFSET ?',
  );
  const selectLargest = db.prepare<[number, number], StoryRow>(
    'SELECT * FROM stories ORDER BY article_count DESC, id LIMIT ? OFFSET ?',
  );
  const countRows = db.prepare<[], number>('SELECT count(*) FROM stories').pluck();
  const selectStory = db.prepare<[string], StoryRow>('SELECT * FROM stories WHERE id = ?');
  const selectAliasTarget = db
    .prepare<[string], string>('SELECT story_id FROM story_aliases WHERE alias = ?')
    .pluck();
  const selectAliases = db.prepare<[string], { alias: string; score: number; why: string }>(
    'SELECT alias, score, why FROM story_aliases WHERE story_id = ? ORDER BY alias',
  );
  // Members in arrival order, so the story reads as it grew.
  const selectMembers = db.prepare<[string], MemberRow>(
    `SELECT a.id, a.title, a.outlet, a.published, a.url, sa.score, sa.is_new, sa.via, sa.copy_of, sa.why
     FROM story_articles sa JOIN articles a ON a.id = sa.article_id
     WHERE sa.story_id = ? ORDER BY a.seq`,
  );
  const selectGroupsOf = db.prepare<
    [string],
    { article_id: string; group_id: string; match: string | null; representative_id: string }
  >(
    `SELECT d.article_id, d.group_id, d.match, g.representative_id
     FROM duplicates d JOIN duplicate_groups g ON g.group_id = d.group_id
     JOIN articles a ON a.id = d.article_id
     WHERE d.group_id IN (
       SELECT d2.group_id FROM duplicates d2 JOIN story_articles sa ON sa.article_id = d2.article_id
       WHERE sa.story_id = ?)
     ORDER BY d.group_id, a.seq`,
  );

  /**
   * 1. Assignments replace any earlier row of the same article.
   * 2. Merges in order: the absorbed story's articles and aliases move to the survivor, the absorbed
   *    id becomes an alias, and its row goes.
   * 3. Labels of the touched stories are written with counts recomputed from their members.
   * 4. Duplicate records and group representatives; then the checkpoint.
   */
  function applyOrganization(organization: StoryOrganization, throughSeq: number): void {
    for (const assignment of organization.assignments) {
      upsertAssignment.run({
        articleId: assignment.articleId,
        storyId: assignment.storyId,
        score: assignment.score,
        isNew: assignment.isNew ? 1 : 0,
        via: assignment.via,
        copyOf: assignment.copyOf ?? null,
        why: JSON.stringify(assignment.why),
      });
    }
    for (const merge of organization.merges) {
      moveArticles.run(merge.into, merge.from);
      moveAliases.run(merge.into, merge.from);
      upsertAlias.run(merge.from, merge.into, merge.score, JSON.stringify(merge.why));
      deleteStory.run(merge.from);
    }
    const updatedAt = new Date().toISOString();
    for (const label of organization.labels) {
      const stats = selectStats.get(label.storyId);
      upsertStory.run({
        id: label.storyId,
        headline: label.headline,
        representative_id: label.representativeId,
        key_terms: JSON.stringify(label.keyTerms),
        key_entities: JSON.stringify(label.keyEntities),
        article_count: stats?.article_count ?? 0,
        source_count: stats?.source_count ?? 0,
        copy_count: stats?.copy_count ?? 0,
        first_published: stats?.first_published ?? null,
        last_published: stats?.last_published ?? null,
        updated_at: updatedAt,
      });
    }
    for (const record of organization.duplicates) {
      upsertDuplicate.run(
        record.articleId,
        record.groupId,
        record.match ? JSON.stringify(record.match) : null,
      );
      upsertGroup.run(record.groupId, record.representativeId);
    }
    const checkpoint = organization.checkpoint;
    if (checkpoint) upsertCheckpoint.run(throughSeq, checkpoint.dedupe, checkpoint.cluster);
  }

  function resolveStoryId(id: string): string | undefined {
    if (selectStory.get(id)) return id;
    return selectAliasTarget.get(id);
  }

  return {
    applyOrganization,
    getLastSeq: () => selectLastSeq.get() ?? 0,
    loadCheckpoint() {
      const row = selectCheckpoint.get();
      return row ? { throughSeq: row.through_seq, dedupe: row.dedupe, cluster: row.cluster } : undefined;
    },
    reset() {
      db.exec(`DELETE FROM story_articles; DELETE FROM story_aliases; DELETE FROM stories;
        DELETE FROM duplicates; DELETE FROM duplicate_groups; DELETE FROM engine_checkpoint;`);
    },
    getStoriesOfArticles(ids) {
      const rows = selectStoriesOf.all(JSON.stringify(ids));
      return new Map(rows.map((row) => [row.article_id, row.story_id]));
    },
    getRepresentatives(storyIds) {
      const rows = selectRepresentatives.all(JSON.stringify(storyIds));
      return new Map(rows.map((row) => [row.id, row.representative_id]));
    },
    listStories(query, limit, offset) {
      const statement = query.sort === 'size' ? selectLargest : selectRecent;
      return statement.all(limit, offset).map(toStorySummary);
    },
    countStories: () => countRows.get() ?? 0,
    getStory(id) {
      const storyId = resolveStoryId(id);
      const row = storyId === undefined ? undefined : selectStory.get(storyId);
      if (!row) return undefined;
      return {
        ...toStorySummary(row),
        articles: selectMembers.all(row.id).map(toStoryMember),
        aliases: selectAliases.all(row.id).map((alias) => ({
          id: alias.alias,
          score: alias.score,
          why: JSON.parse(alias.why) as StoryReason,
        })),
        duplicateGroups: groupDuplicates(selectGroupsOf.all(row.id)),
      };
    },
  };
}

function toStorySummary(row: StoryRow): StorySummary {
  return {
    id: row.id,
    headline: row.headline,
    representativeId: row.representative_id,
    keyTerms: JSON.parse(row.key_terms) as string[],
    keyEntities: JSON.parse(row.key_entities) as string[],
    articleCount: row.article_count,
    sourceCount: row.source_count,
    copyCount: row.copy_count,
    ...(row.first_published === null ? {} : { firstPublished: row.first_published }),
    ...(row.last_published === null ? {} : { lastPublished: row.last_published }),
    updatedAt: row.updated_at,
  };
}

function toStoryMember(row: MemberRow): StoryMember {
  return {
    id: row.id,
    ...(row.title === null ? {} : { title: row.title }),
    ...(row.outlet === null ? {} : { outlet: row.outlet }),
    ...(row.published === null ? {} : { published: row.published }),
    ...(row.url === null ? {} : { url: row.url }),
    score: row.score,
    isNew: row.is_new === 1,
    via: row.via === 'copy' ? 'copy' : 'similarity',
    ...(row.copy_of === null ? {} : { copyOf: row.copy_of }),
    why: JSON.parse(row.why) as StoryReason,
  };
}

/** Rows ordered by group then arrival → one entry per group, members in arrival order. */
function groupDuplicates(
  rows: { article_id: string; group_id: string; match: string | null; representative_id: string }[],
): DuplicateGroupDetail[] {
  const groups = new Map<string, DuplicateGroupDetail>();
  for (const row of rows) {
    let group = groups.get(row.group_id);
    if (!group) {
      group = { groupId: row.group_id, representativeId: row.representative_id, members: [] };
      groups.set(row.group_id, group);
    }
    group.members.push({
      id: row.article_id,
      ...(row.match === null ? {} : { match: JSON.parse(row.match) as DuplicateMatchRecord }),
    });
  }
  return [...groups.values()];
}
