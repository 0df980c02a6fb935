import type { Command } from 'commander';
import { type CliContext, printJson, printLine } from '../cli-context.ts';
import { withStore } from '../open-store.ts';
import { parsePositiveInteger } from '../parse-options.ts';

export function registerRejectsCommand(program: Command, context: CliContext, getDbPath: () => string): void {
  program
    .command('rejects')
    .description('list inputs that were rejected, with the reason, newest first')
    .option('--run <id>', 'only this ingest run', parsePositiveInteger)
    .option('--limit <n>', 'how many', parsePositiveInteger, 100)
    .option('--json', 'print JSON', false)
    .addHelpText('after', '\nExamples:\n  $ dossier rejects\n  $ dossier rejects --run 3 --json')
    .action(async (flags: { run?: number; limit: number; json: boolean }) => {
      await withStore(getDbPath(), async (store) => {
        const rejects = await store.listRejections(flags.run, flags.limit);
        if (flags.json) return printJson(context, rejects);
        for (const reject of rejects)
          printLine(context, `run ${reject.runId}  ${reject.item}: ${reject.reason}`);
        printLine(context, `${rejects.length} rejected`);
      });
    });

  program
    .command('runs')
    .description('list ingest runs with their counts, newest first')
    .option('--limit <n>', 'how many', parsePositiveInteger, 20)
    .option('--json', 'print JSON', false)
    .action(async (flags: { limit: number; json: boolean }) => {
      await withStore(getDbPath(), async (store) => {
        const runs = await store.listRuns(flags.limit);
        if (flags.json) return printJson(context, runs);
        for (const run of runs) {
          const { inserted, updated, unchanged, rejected } = run.counts;
          printLine(
            context,
            `run ${run.id}  ${run.startedAt}  ${inserted} new, ${updated} updated, ${unchanged} unchanged, ${rejected} rejected  ${run.inputs.join(' ')}`,
          );
        }
      });
    });
}
