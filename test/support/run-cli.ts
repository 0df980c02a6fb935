import { PassThrough, Readable, Writable } from 'node:stream';
import { main } from '../../src/cli/main.ts';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

function collect(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return { stream, text: () => chunks.join('') };
}

/** Runs `dossier <args>` in-process, as a user would type it, capturing stdout and stderr. */
export async function runCli(args: string[], stdinText?: string): Promise<CliRun> {
  const stdout = collect();
  const stderr = collect();
  const stdin = stdinText === undefined ? new PassThrough() : Readable.from([stdinText]);
  const code = await main(['node', 'dossier', ...args], {
    stdout: stdout.stream,
    stderr: stderr.stream,
    stdin,
    exitCode: 0,
  });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}
