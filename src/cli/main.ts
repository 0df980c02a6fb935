import { Command, CommanderError } from 'commander';
import { type CliContext, CliError, EXIT_OK, EXIT_USAGE, printError } from './cli-context.ts';
import { registerArticlesCommand } from './commands/articles-command.ts';
import { registerClusterCommand } from './commands/cluster-command.ts';
import { registerExtractCommand } from './commands/extract-command.ts';
import { registerIngestCommand } from './commands/ingest-command.ts';
import { registerReclusterCommand } from './commands/recluster-command.ts';
import { registerRejectsCommand } from './commands/rejects-command.ts';
import { registerSearchCommand } from './commands/search-command.ts';
import { registerStoriesCommand } from './commands/stories-command.ts';
import { DEFAULT_DB_PATH } from './open-store.ts';

/** Builds the `dossier` command tree writing through `context`. */
export function createProgram(context: CliContext): Command {
  const program = new Command('dossier')
    .description(
      'Dossier: ingest, clean, deduplicate and group news coverage into stories, with every character traceable to its source.',
    )
    .version('0.1.0')
    .option('--db <path>', 'SQLite database file', DEFAULT_DB_PATH)
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({
      writeOut: (text) => context.stdout.write(text),
      writeErr: (text) => context.stderr.write(text),
    })
    .exitOverride();
  const getDbPath = () => program.opts<{ db: string }>().db;
  registerIngestCommand(program, context, getDbPath);
  registerArticlesCommand(program, context, getDbPath);
  registerStoriesCommand(program, context, getDbPath);
  registerReclusterCommand(program, context, getDbPath);
  registerSearchCommand(program, context, getDbPath);
  registerRejectsCommand(program, context, getDbPath);
  registerExtractCommand(program, context);
  registerClusterCommand(program, context);
  return program;
}

/** Runs the CLI on `argv` (as in process.argv) and resolves to the exit code. */
export async function main(
  argv: string[],
  context: CliContext = {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    exitCode: EXIT_OK,
  },
): Promise<number> {
  const program = createProgram(context);
  try {
    await program.parseAsync(argv);
    return context.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through here too, with exit code 0.
      return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    if (error instanceof CliError) {
      printError(context, error.message);
      return EXIT_USAGE;
    }
    printError(context, `unexpected error: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT_USAGE;
  }
}
