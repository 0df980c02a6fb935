import type { Article } from '../model/article.ts';
import type { RawDocument, Rejection } from '../model/raw-document.ts';
import { computePipelineFeatures, type PipelineFeatures } from './compute-pipeline-features.ts';
import { prepareArticle } from './prepare-article.ts';

/** An article ready for the pipeline, or why its document was rejected. */
export type PreparedItem =
  | { ok: true; article: Article; features: PipelineFeatures }
  | { ok: false; rejection: Rejection };

/** The pure per-item work a worker thread does; the clock reading is fixed by the main thread. */
export type PoolTask =
  | { kind: 'prepare'; documents: RawDocument[]; now: string }
  | { kind: 'features'; articles: Article[] };

/** What a task gives back, one result per input item, in order. */
export type PoolResult<T extends PoolTask> = T extends { kind: 'prepare' }
  ? PreparedItem[]
  : PipelineFeatures[];

/** Prepares documents and computes their dedupe and clustering features; failures become rejections. */
export function prepareWithFeatures(documents: RawDocument[], now: Date): PreparedItem[] {
  return documents.map((document): PreparedItem => {
    const result = prepareArticle(document, now);
    return result.ok ? { ...result, features: computePipelineFeatures(result.article) } : result;
  });
}

export function runPoolTask<T extends PoolTask>(task: T): PoolResult<T> {
  const results =
    task.kind === 'prepare'
      ? prepareWithFeatures(task.documents, new Date(task.now))
      : task.articles.map(computePipelineFeatures);
  return results as PoolResult<T>;
}

/** Splits a task into `count` contiguous slices of its items (empty slices left out). */
export function sliceTask<T extends PoolTask>(task: T, count: number): T[] {
  const items: unknown[] = task.kind === 'prepare' ? task.documents : task.articles;
  const size = Math.ceil(items.length / count);
  const slices: T[] = [];
  for (let start = 0; start < items.length; start += size) {
    slices.push(
      task.kind === 'prepare'
        ? { ...task, documents: task.documents.slice(start, start + size) }
        : { ...task, articles: task.articles.slice(start, start + size) },
    );
  }
  return slices;
}
