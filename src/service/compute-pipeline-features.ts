import { type ArticleFeatures, extractFeatures } from '../cluster/article-features.ts';
import { DEFAULT_CLUSTER_OPTIONS } from '../cluster/story-clusterer.ts';
import { computeDedupeFeatures, type DedupeFeatures } from '../dedupe/dedupe-features.ts';
import type { Article } from '../model/article.ts';
import { getBodyText } from '../model/article-text.ts';
import { normalizePublishedKey } from '../store/published-key.ts';

/** What dedupe and clustering need of an article: pure, so worker threads can compute it. */
export interface PipelineFeatures {
  dedupe: DedupeFeatures;
  cluster: ArticleFeatures;
}

/**
 * The features of one stored article: its cleaned body, title and published date. A published
 * value that is not a readable date counts as undated rather than failing the article.
 */
export function computePipelineFeatures(article: Article): PipelineFeatures {
  const body = getBodyText(article);
  const published = normalizePublishedKey(article.published?.value);
  return {
    dedupe: computeDedupeFeatures({ id: article.id, body, ...(published ? { published } : {}) }),
    cluster: extractFeatures(
      { id: article.id, title: article.title?.value ?? '', text: body, date: published ?? null },
      DEFAULT_CLUSTER_OPTIONS,
    ),
  };
}
