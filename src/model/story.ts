/** The shared terms and names behind a pairing of an article (or story) with a story, heaviest first. */
export interface StoryReason {
  terms: string[];
  entities: string[];
}

/** How an article came to be in its story. */
export type AssignmentVia =
  /** Scored against the live stories: joined the best (`isNew` false) or opened a new one. */
  | 'similarity'
  /** A copy (exact or near duplicate) of an earlier article: it goes wherever that article is. */
  | 'copy';

/** One article's placement, as decided when it arrived. */
export interface StoryAssignment {
  articleId: string;
  /** The story it joined or opened (merges later move it; stores keep the current story). */
  storyId: string;
  /** Similarity to the story it joined; 0 when it opened the story or arrived as a copy. */
  score: number;
  isNew: boolean;
  via: AssignmentVia;
  /** For a copy: the earlier article it copies. */
  copyOf?: string;
  why: StoryReason;
}

/** Two stories that converged: `from` is absorbed into the older-id `into`, which keeps its id. */
export interface StoryMerge {
  from: string;
  into: string;
  score: number;
  why: StoryReason;
}

/** What a story is about, as shown in listings. */
export interface StoryLabel {
  storyId: string;
  /** The headline of the most central article (its title, else its first words). */
  headline: string;
  representativeId: string;
  keyTerms: string[];
  keyEntities: string[];
}

/** Why an article was judged a copy, and of which earlier article. */
export type DuplicateMatchRecord =
  | { kind: 'exact'; matchedId: string }
  | { kind: 'near'; matchedId: string; jaccard: number; containment: number };

/** An article's duplicate group; only articles that copy or are copied have records. */
export interface DuplicateRecord {
  articleId: string;
  /** The id of the group's first member. */
  groupId: string;
  /** The group's representative now: earliest published, else first ingested. */
  representativeId: string;
  /** Absent for the group's first member. */
  match?: DuplicateMatchRecord;
}

/** The engines' saved state, as JSON text, and the last article (by arrival) it has seen. */
export interface EngineCheckpoint {
  dedupe: string;
  cluster: string;
}

/** Everything dedupe and clustering decided for one batch of articles, written with the batch. */
export interface StoryOrganization {
  duplicates: DuplicateRecord[];
  assignments: StoryAssignment[];
  merges: StoryMerge[];
  /** Labels of every story the batch touched, as they stand after it. */
  labels: StoryLabel[];
  /** Engine state after the batch; absent when the caller checkpoints less often. */
  checkpoint?: EngineCheckpoint;
}

/** A story as listed. */
export interface StorySummary {
  id: string;
  headline: string;
  representativeId: string;
  keyTerms: string[];
  keyEntities: string[];
  articleCount: number;
  /** Distinct outlets among the articles (articles without one count by themselves). */
  sourceCount: number;
  /** Articles that copy another article of the story. */
  copyCount: number;
  firstPublished?: string;
  lastPublished?: string;
  /** When the story last changed (UTC, ISO 8601). */
  updatedAt: string;
}

/** One member of a story, with why it is there. */
export interface StoryMember {
  id: string;
  title?: string;
  outlet?: string;
  published?: string;
  url?: string;
  score: number;
  isNew: boolean;
  via: AssignmentVia;
  copyOf?: string;
  why: StoryReason;
}

export interface DuplicateGroupDetail {
  groupId: string;
  representativeId: string;
  members: { id: string; match?: DuplicateMatchRecord }[];
}

/** A story with its members, the stories merged into it and its duplicate groups. */
export interface StoryDetail extends StorySummary {
  articles: StoryMember[];
  /** Ids of stories absorbed into this one, each with the score and reason of the merge. */
  aliases: { id: string; score: number; why: StoryReason }[];
  duplicateGroups: DuplicateGroupDetail[];
}
