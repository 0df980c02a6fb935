import { Worker } from 'node:worker_threads';
import type { RawDocument } from '../model/raw-document.ts';
import { type PrepareResult, prepareArticles } from './prepare-article.ts';
import type { PrepareJob } from './prepare-worker.ts';

/** Prepares batches of documents, on worker threads when there are any. */
export interface PreparePool {
  /** Results in the order of `documents`. */
  prepare(documents: RawDocument[], now: Date): Promise<PrepareResult[]>;
  close(): Promise<void>;
}

interface PendingJob {
  documents: RawDocument[];
  now: Date;
  resolve: (results: PrepareResult[]) => void;
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

  run(documents: RawDocument[], now: Date): Promise<PrepareResult[]> {
    return new Promise((resolve) => {
      const jobId = this.nextJobId++;
      this.pending.set(jobId, { documents, now, resolve });
      const job: PrepareJob = { jobId, documents, now: now.toISOString() };
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
    worker.on('message', ({ jobId, results }: { jobId: number; results: PrepareResult[] }) => {
      this.pending.get(jobId)?.resolve(results);
      this.pending.delete(jobId);
    });
    // A worker that dies (out of memory, a crash in a native module) must not lose its documents:
    // its unanswered jobs are prepared on this thread, and the next job starts a fresh worker.
    const recover = () => {
      if (this.worker === worker) this.worker = undefined;
      for (const [jobId, job] of this.pending) {
        this.pending.delete(jobId);
        job.resolve(prepareArticles(job.documents, job.now));
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
 * with size 0, prepares on the calling thread.
 */
export function createPreparePool(size: number): PreparePool {
  if (size <= 0) {
    return {
      prepare: async (documents, now) => prepareArticles(documents, now),
      close: async () => {},
    };
  }
  const workers = Array.from({ length: size }, () => new PrepareWorker());
  return {
    async prepare(documents, now) {
      const sliceSize = Math.ceil(documents.length / workers.length);
      const slices = workers.map((worker, index) => {
        const slice = documents.slice(index * sliceSize, (index + 1) * sliceSize);
        return slice.length > 0 ? worker.run(slice, now) : Promise.resolve([]);
      });
      return (await Promise.all(slices)).flat();
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
