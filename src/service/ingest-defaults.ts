import { availableParallelism } from 'node:os';

/**
 * Documents per transaction. 500 keeps a batch well under a second of work on this 2-core machine
 * (so a kill loses little) while amortising SQLite's commit cost (measured in bench/ingest.ts).
 * Kept apart from the ingest service so the CLI can show it without loading the pipeline.
 */
export const DEFAULT_BATCH_SIZE = 500;

/**
 * Worker threads preparing articles: one per core beyond the main thread, which reads inputs and
 * writes SQLite meanwhile; at least one. Measured in bench/ingest.ts (see BENCHMARKS.md).
 */
export const DEFAULT_WORKERS = Math.max(1, availableParallelism() - 1);
