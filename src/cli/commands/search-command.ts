import type { Command } from 'commander';
import { type CliContext, printJson, printLine } from '../cli-context.ts';
import { withStore } from '../open-store.ts';
import { parsePositiveInteger } from '../parse-options.ts';

export function registerSearchCommand(program: Command, context: CliContext, getDbPath: () => string): void {
  program
    .command('search')
    .description('full-text search over article titles and bodies')
    .argument('<query...>', 'words (all must match) and "quoted phrases"')
    .option('--limit <n>', 'how many hits', parsePositiveInteger, 20)
    .option('--json', 'print JSON', false)
    .addHelpText(
      'after',
      `\nExamples:\n  $ dossier search harbor strike\n  $ dossier search '"night shift" pay' --json`,
    )
    .action(async (words: string[], flags: { limit: number; json: boolean }) => {
      await withStore(getDbPath(), async (store) => {
        const hits = await store.search(words.join(' '), flags.limit);
        if (flags.json) return printJson(context, hits);
        for (const hit of hits) {
          printLine(context, `${hit.id}  ${hit.title ?? '(untitled)'}`);
          printLine(context, `    ${hit.snippet.replace(/\s+/g, ' ')}`);
        }
        printLine(context, `${hits.length} hit${hits.length === 1 ? '' : 's'}`);
      });
    });
}
