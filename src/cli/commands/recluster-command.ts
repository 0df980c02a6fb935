import type { Command } from 'commander';
import { DEFAULT_BATCH_SIZE, DEFAULT_WORKERS } from '../../service/ingest-defaults.ts';
import { type CliContext, printJson, printLine } from '../cli-context.ts';
import { withStore } from '../open-store.ts';
import { parseNonNegativeInteger } from '../parse-options.ts';

export function registerReclusterCommand(
  program: Command,
  context: CliContext,
  getDbPath: () => string,
): void {
  program
    .command('recluster')
    .description(
      'forget all stories and duplicate groups and rebuild them from the stored articles, in arrival order',
    )
    .option(
      '--workers <n>',
      'worker threads computing features (0: on the main thread)',
      parseNonNegativeInteger,
      DEFAULT_WORKERS,
    )
    .option('--json', 'print the summary as JSON', false)
    .addHelpText(
      'after',
      `
Examples:
  $ dossier recluster

The result is the same as ingesting the stored articles one run after another: story ids come out
the same for the same arrival order. Articles updated since they were first clustered are placed
by their current content.`,
    )
    .action(async (flags: { workers: number; json: boolean }) => {
      const [{ reclusterStore }, { createPreparePool }] = await Promise.all([
        import('../../service/replay-stories.ts'),
        import('../../service/prepare-pool.ts'),
      ]);
      const startedAt = Date.now();
      const pool = createPreparePool(flags.workers);
      const summary = await withStore(getDbPath(), async (store) => {
        try {
          const articles = await reclusterStore(store, { pool, batchSize: DEFAULT_BATCH_SIZE });
          return { articles, stories: await store.countStories() };
        } finally {
          await pool.close();
        }
      });
      const seconds = (Date.now() - startedAt) / 1000;
      if (flags.json) printJson(context, { ...summary, seconds });
      else
        printLine(
          context,
          `reclustered ${summary.articles} articles into ${summary.stories} stories in ${seconds.toFixed(1)} s`,
        );
    });
}
