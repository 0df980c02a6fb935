import cliProgress from 'cli-progress';
import type { IngestProgress } from '../service/ingest.ts';
import type { CliContext } from './cli-context.ts';

export interface ProgressDisplay {
  update(progress: IngestProgress): void;
  stop(): void;
}

/**
 * A live status line for long ingests, on stderr and only when it is a terminal: the total is unknown
 * while inputs stream in, so it shows counts and rate instead of a bar.
 */
export function startProgressDisplay(context: CliContext): ProgressDisplay {
  if (!context.stderr.isTTY) return { update() {}, stop() {} };
  const bar = new cliProgress.SingleBar({
    stream: context.stderr,
    format:
      'ingest {value} items | {rate} items/s | {inserted} new, {updated} updated, {unchanged} unchanged, {rejected} rejected',
    hideCursor: true,
    clearOnComplete: true,
  });
  const startedAt = Date.now();
  bar.start(0, 0, { rate: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0 });
  return {
    update(progress) {
      const seconds = Math.max((Date.now() - startedAt) / 1000, 0.001);
      bar.update(progress.seen, { ...progress, rate: Math.round(progress.seen / seconds) });
    },
    stop() {
      bar.stop();
    },
  };
}
