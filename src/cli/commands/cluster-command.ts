import type { Command } from 'commander';
import { DEFAULT_WORKERS } from '../../service/ingest-defaults.ts';
import {
  type CliContext,
  CliError,
  EXIT_SOME_REJECTED,
  printError,
  printJson,
  printLine,
} from '../cli-context.ts';
import { parseNonNegativeInteger } from '../parse-options.ts';

interface ClusterFlags {
  input: string;
  output: string;
  workers: number;
  json: boolean;
}

export function registerClusterCommand(program: Command, context: CliContext): void {
  program
    .command('cluster')
    .description(
      'cluster {id, title, text, date} JSONL lines into stories with the ingest pipeline (a temporary store)',
    )
    .requiredOption('--input <file>', 'JSONL, one {"id", "title", "text", "date"} per line, in arrival order')
    .requiredOption('--output <file>', 'JSONL written: one {"id", "story"} per input line, in input order')
    .option(
      '--workers <n>',
      'worker threads preparing articles (0: on the main thread)',
      parseNonNegativeInteger,
      DEFAULT_WORKERS,
    )
    .option('--json', 'print the summary as JSON', false)
    .addHelpText(
      'after',
      `
Examples:
  $ dossier cluster --input articles.jsonl --output stories.jsonl

"date" may be null. Lines are cleaned, deduplicated and clustered exactly as \`dossier ingest\` does,
in a temporary database that is removed afterwards. A line that cannot be clustered is reported on
stderr and written with "story": null and its reason.`,
    )
    .action(async (flags: ClusterFlags) => {
      if (flags.input === flags.output) throw new CliError('--input and --output must be different files');
      const { clusterRecords } = await import('../../service/cluster-records.ts');
      const startedAt = Date.now();
      let report: Awaited<ReturnType<typeof clusterRecords>>;
      try {
        report = await clusterRecords(flags.input, flags.output, {
          workers: flags.workers,
          onRejection: (item, reason) => printError(context, `rejected ${item}: ${reason}`),
        });
      } catch (error) {
        throw new CliError(`cluster: ${(error as Error).message}`);
      }
      const seconds = (Date.now() - startedAt) / 1000;
      const { records, clustered, rejected, stories } = report;
      if (flags.json) printJson(context, { records, clustered, rejected, stories, seconds });
      else
        printLine(
          context,
          `${clustered} of ${records} records clustered into ${stories} stories (${rejected} rejected) in ${seconds.toFixed(1)} s → ${flags.output}`,
        );
      if (rejected > 0) context.exitCode = EXIT_SOME_REJECTED;
    });
}
