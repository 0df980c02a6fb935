import { Worker } from 'node:worker_threads';
import type { Article } from '../model/article.ts';
import type { RawDocument } from '../model/raw-document.ts';
import type { PipelineFeatures } from './compute-pipeline-features.ts';
import { type PoolResult, type PoolTask, type PreparedItem, runPoolTask, sliceTask } from './pool-tasks.ts';
import type { PoolJob } from './prepare-worker.ts';

/** Prepares documents and computes features in batches, on worker threads when there are any. */
export interface PreparePool {
  /** Results in the order of `documents`. */
  prepare(documents: RawDocument[], now: Date): Promise<PreparedItem[]>;
  /** Features of stored articles (for a replay), in the order of `articles`. */
  computeFeatures(articles: Article[]): Promise<PipelineFeatures[]>;
  close(): Promise<void>;
}

interface PendingJob {
  task: PoolTask;
  resolve: (results: unknown[]) => void;
}

/**
 * A worker thread running prepare-worker.ts. Workers do not inherit the tsx loader that lets the
 * main thread import TypeScript, so each starts from a one-line bootstrap that registers tsx and
 * then imports the worker module.
 */
class PrepareWorker {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, PendingJob>();
  private nextJobId = 0;

  run<T extends PoolTask>(task: T): Promise<PoolResult<T>> {
    return new Promise((resolve) => {
      const jobId = this.nextJobId++;
      this.pending.set(jobId, { task, resolve: (results) => resolve(results as PoolResult<T>) });
      const job: PoolJob = { jobId, task };
      this.start().postMessage(job);
    });
  }

  async terminate(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const tsxApi = import.meta.resolve('tsx/esm/api');
    const entry = new URL('./prepare-worker.ts', import.meta.url).href;
    const bootstrap = `import(${JSON.stringify(tsxApi)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`;
    const worker = new Worker(bootstrap, { eval: true });
    worker.on('message', ({ jobId, results }: { jobId: number; results: unknown[] }) => {
      this.pending.get(jobId)?.resolve(results);
      this.pending.delete(jobId);
    });
    // A worker that dies (out of memory, a crash in a native module) must not lose its documents:
    // its unanswered jobs are prepared on this thread, and the next job starts a fresh worker.
    const recover = () => {
      if (this.worker === worker) this.worker = undefined;
      for (const [jobId, job] of this.pending) {
        this.pending.delete(jobId);
        job.resolve(runPoolTask(job.task));
      }
    };
    worker.on('error', recover);
    worker.on('exit', recover);
    this.worker = worker;
    return worker;
  }
}

/**
 * Spreads each batch over `size` worker threads in contiguous slices and joins the results in order;
 * with size 0, works on the calling thread.
 */
export function createPreparePool(size: number): PreparePool {
  const workers = Array.from({ length: Math.max(0, size) }, () => new PrepareWorker());
  async function run<T extends PoolTask>(task: T): Promise<PoolResult<T>> {
    if (workers.length === 0) return runPoolTask(task);
    const slices = sliceTask(task, workers.length);
    const results = await Promise.all(slices.map((slice, index) => workers[index]?.run(slice) ?? []));
    return results.flat() as PoolResult<T>;
  }
  return {
    prepare: (documents, now) => run({ kind: 'prepare', documents, now: now.toISOString() }),
    computeFeatures: (articles) => run({ kind: 'features', articles }),
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
