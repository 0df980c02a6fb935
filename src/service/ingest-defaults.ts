/**
 * Documents per transaction. 500 keeps a batch well under a second of work on this 2-core machine
 * (so a kill loses little) while amortising SQLite's commit cost (measured in bench/ingest.ts).
 * Kept apart from the ingest service so the CLI can show it without loading the pipeline.
 */
export const DEFAULT_BATCH_SIZE = 500;
