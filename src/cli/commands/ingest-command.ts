import type { Command } from 'commander';
import { DEFAULT_READ_OPTIONS, type ReadOptions } from '../../ingest/read-options.ts';
import { DEFAULT_BATCH_SIZE, DEFAULT_WORKERS } from '../../service/ingest-defaults.ts';
import { type CliContext, EXIT_SOME_REJECTED, printError, printJson, printLine } from '../cli-context.ts';
import { withStore } from '../open-store.ts';
import { parseByteSize, parseNonNegativeInteger, parsePositiveInteger } from '../parse-options.ts';
import { startProgressDisplay } from '../progress-display.ts';

/** SQLite's database file and the WAL, shared-memory and rollback-journal files beside it. */
const DATABASE_FILE_SUFFIXES = ['', '-wal', '-shm', '-journal'];

interface IngestFlags {
  maxBytes: number;
  allowPrivateNetwork: boolean;
  timeout: number;
  batchSize: number;
  workers: number;
  json: boolean;
}

export function registerIngestCommand(program: Command, context: CliContext, getDbPath: () => string): void {
  program
    .command('ingest')
    .description(
      'read articles from files, directories, globs, URLs, feeds, JSONL, WARC or stdin (-) into the store',
    )
    .argument('<inputs...>', 'files, directories, glob patterns, http(s) URLs, or - for stdin')
    .option(
      '--max-bytes <size>',
      'largest input accepted, after gunzip',
      parseByteSize,
      DEFAULT_READ_OPTIONS.maxBytes,
    )
    .option(
      '--allow-private-network',
      'allow URLs that resolve to loopback, private or link-local addresses',
      false,
    )
    .option('--timeout <ms>', 'per HTTP request', parsePositiveInteger, DEFAULT_READ_OPTIONS.timeoutMs)
    .option(
      '--batch-size <n>',
      'documents committed per transaction',
      parsePositiveInteger,
      DEFAULT_BATCH_SIZE,
    )
    .option(
      '--workers <n>',
      'worker threads preparing articles (0: on the main thread)',
      parseNonNegativeInteger,
      DEFAULT_WORKERS,
    )
    .option('--json', 'print the run summary as JSON', false)
    .addHelpText(
      'after',
      `
Examples:
  $ dossier ingest examples/corpus
  $ dossier ingest 'news/**/*.html' feed.xml --db news.db
  $ dossier ingest https://example.com/feed.rss
  $ zcat dump.jsonl.gz | dossier ingest -

Re-running on the same inputs changes nothing: unchanged content is skipped by its hash.
New articles are deduplicated and clustered into stories as they are committed (see: dossier stories).
Exit code 1 means some inputs were rejected (each is listed on stderr and kept in the store).`,
    )
    .action(async (inputs: string[], flags: IngestFlags) => {
      const read: Partial<ReadOptions> = {
        maxBytes: flags.maxBytes,
        allowPrivateNetwork: flags.allowPrivateNetwork,
        timeoutMs: flags.timeout,
        stdin: context.stdin,
        excludePaths: DATABASE_FILE_SUFFIXES.map((suffix) => `${getDbPath()}${suffix}`),
      };
      let skipped = 0;
      read.onSkip = () => {
        skipped++;
      };
      // The pipeline (Readability, linkedom, chrono, ELD) takes a second to load; only ingest and
      // extract need it, so listing and searching start fast.
      const { ingestInputs } = await import('../../service/ingest.ts');
      const startedAt = Date.now();
      const progress = startProgressDisplay(context);
      const report = await withStore(getDbPath(), async (store) => {
        try {
          return await ingestInputs(store, inputs, {
            read,
            batchSize: flags.batchSize,
            workers: flags.workers,
            onProgress: (current) => progress.update(current),
            onRejection: (rejection) =>
              printError(context, `rejected ${rejection.item}: ${rejection.reason}`),
          });
        } finally {
          progress.stop();
        }
      });
      const seconds = (Date.now() - startedAt) / 1000;
      const { inserted, updated, unchanged, rejected } = report.counts;
      const { opened, joined, copies, merged, replayed } = report.stories;
      if (flags.json) printJson(context, { ...report, skipped, seconds });
      else {
        printLine(
          context,
          `run ${report.runId}: ${inserted} new, ${updated} updated, ${unchanged} unchanged, ${rejected} rejected` +
            `${skipped > 0 ? `, ${skipped} skipped (non-page WARC records, the database itself)` : ''} in ${seconds.toFixed(1)} s`,
        );
        printLine(
          context,
          `stories: ${opened} opened, ${joined} joined by similarity, ${copies} copies, ${merged} merged` +
            `${replayed > 0 ? ` (after replaying ${replayed} stored articles the engines had not seen)` : ''}`,
        );
      }
      if (rejected > 0) context.exitCode = EXIT_SOME_REJECTED;
    });
}
