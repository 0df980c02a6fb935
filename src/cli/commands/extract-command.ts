import type { Command } from 'commander';
import { DEFAULT_READ_OPTIONS } from '../../ingest/read-options.ts';
import {
  type CliContext,
  CliError,
  EXIT_SOME_REJECTED,
  printError,
  printJson,
  printLine,
} from '../cli-context.ts';
import {
  type ExtractRecord,
  getExtractId,
  toExtractRecord,
  toFailedExtractRecord,
} from '../extract-record.ts';
import { parseByteSize } from '../parse-options.ts';

interface ExtractFlags {
  json: boolean;
  jsonl: boolean;
  maxBytes: number;
}

export function registerExtractCommand(program: Command, context: CliContext): void {
  program
    .command('extract')
    .description(
      'clean articles without storing them: one JSON object per input (title, byline, text, removed spans...)',
    )
    .argument('<files...>', '.html, .htm, .txt files or their .gz forms (also JSONL, feeds, WARC)')
    .option('--jsonl', 'one JSON object per line (the default)', false)
    .option('--json', 'for a single file: print its object alone, indented', false)
    .option(
      '--max-bytes <size>',
      'largest input accepted, after gunzip',
      parseByteSize,
      DEFAULT_READ_OPTIONS.maxBytes,
    )
    .addHelpText(
      'after',
      `
Examples:
  $ dossier extract page.html --json
  $ dossier extract pages/*.html.gz --jsonl > extracted.jsonl

Each object: {"id","title","byline","dateline","published","outlet","url","lang","text","removed","signals"}.
"removed" and "signals" hold {start,end} offsets into the article's source text. An input that yields
no article still gets a line, with empty "text" and an "error"; the exit code is then 1.`,
    )
    .action(async (files: string[], flags: ExtractFlags) => {
      if (flags.json && flags.jsonl) throw new CliError('choose one of --json and --jsonl');
      if (flags.json && files.length !== 1)
        throw new CliError('--json takes exactly one file; use --jsonl for several');
      // Loaded here, not at start-up: see the ingest command.
      const { readInputs } = await import('../../ingest/read-inputs.ts');
      const { prepareArticle } = await import('../../service/prepare-article.ts');
      const emit = (record: ExtractRecord) =>
        flags.json ? printJson(context, record) : printLine(context, JSON.stringify(record));
      for (const file of files) {
        for await (const result of readInputs([file], { maxBytes: flags.maxBytes })) {
          if (!result.ok) {
            printError(context, `${result.rejection.item}: ${result.rejection.reason}`);
            context.exitCode = EXIT_SOME_REJECTED;
            continue;
          }
          const id = getExtractId(result.document);
          const prepared = prepareArticle(result.document);
          if (prepared.ok) {
            emit(toExtractRecord(id, prepared.article));
          } else {
            printError(context, `${prepared.rejection.item}: ${prepared.rejection.reason}`);
            emit(toFailedExtractRecord(id, prepared.rejection.reason));
            context.exitCode = EXIT_SOME_REJECTED;
          }
        }
      }
    });
}
