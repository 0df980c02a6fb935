import type { Writable } from 'node:stream';

/** What commands write to and report through; injectable so tests can run the CLI in-process. */
export interface CliContext {
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable & { isTTY?: boolean };
  stdin: NodeJS.ReadableStream;
  /** Set by commands: 0 success, 1 some inputs rejected, 2 usage or fatal error. */
  exitCode: number;
}

export const EXIT_OK = 0;
export const EXIT_SOME_REJECTED = 1;
export const EXIT_USAGE = 2;

/** Writes one line to stdout. */
export function printLine(context: CliContext, line = ''): void {
  context.stdout.write(`${line}\n`);
}

/** Writes a value as pretty JSON to stdout. */
export function printJson(context: CliContext, value: unknown): void {
  context.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Reports an error as one line on stderr: `dossier: <item>: <reason>`. */
export function printError(context: CliContext, message: string): void {
  context.stderr.write(`dossier: ${message}\n`);
}

/** A usage or fatal error that ends the command with exit code 2 and a one-line message. */
export class CliError extends Error {}
