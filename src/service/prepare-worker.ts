import { parentPort } from 'node:worker_threads';
import type { RawDocument } from '../model/raw-document.ts';
import { prepareArticles } from './prepare-article.ts';

/** A batch of documents for one worker, and the clock reading the main thread fixed for it. */
export interface PrepareJob {
  jobId: number;
  documents: RawDocument[];
  now: string;
}

// Each job is answered in full before the next message is read, so replies come back in job order.
parentPort?.on('message', (job: PrepareJob) => {
  parentPort?.postMessage({ jobId: job.jobId, results: prepareArticles(job.documents, new Date(job.now)) });
});
