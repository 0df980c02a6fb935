import { parentPort } from 'node:worker_threads';
import { type PoolTask, runPoolTask } from './pool-tasks.ts';

/** A task for one worker, numbered so its reply finds the promise waiting for it. */
export interface PoolJob {
  jobId: number;
  task: PoolTask;
}

// Each job is answered in full before the next message is read, so replies come back in job order.
parentPort?.on('message', (job: PoolJob) => {
  parentPort?.postMessage({ jobId: job.jobId, results: runPoolTask(job.task) });
});
