import { once } from 'node:events';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { finished } from 'node:stream/promises';
import { z } from 'zod';
import { openSqliteStore } from '../store/sqlite/sqlite-store.ts';
import { type IngestReport, ingestInputs } from './ingest.ts';

/** One input line of `dossier cluster`: the shape the clustering benchmarks use. */
const ClusterRecord = z.object({
  id: z.union([z.string().trim().min(1), z.number().transform(String)]),
  title: z.string().nullish(),
  text: z.string().nullish(),
  date: z.string().nullish(),
});

export interface ClusterRecordsOptions {
  workers?: number;
  /** Called for each input line that could not be clustered, naming it as `FILE:LINE`. */
  onRejection?: (item: string, reason: string) => void;
}

export interface ClusterRecordsReport {
  records: number;
  clustered: number;
  rejected: number;
  stories: number;
  ingest: IngestReport;
}

interface InputLine {
  line: number;
  /** Null for a line too broken to read an id from. */
  id: string | null;
  /** Set when the line was rejected before or during ingest. */
  rejected?: string;
}

/** Ids per story look-up at the end: each look-up binds them as one JSON array. */
const LOOKUP_BATCH = 1000;

/**
 * `dossier cluster`: clusters `{id, title, text, date}` lines with exactly the ingest pipeline.
 * 1. Validate each line; write the valid ones as Dossier JSONL (`date` → `published`; an empty text
 *    falls back to the title, as the benchmark sets advise) to a temporary directory.
 * 2. Ingest that file into a temporary store, in order: cleaning, dedupe and clustering as always.
 * 3. Write `{"id", "story"}` per input line in input order; a rejected line gets `"story": null` and
 *    its reason. The temporary directory is removed in every case.
 */
export async function clusterRecords(
  inputPath: string,
  outputPath: string,
  options: ClusterRecordsOptions = {},
): Promise<ClusterRecordsReport> {
  const directory = await mkdtemp(join(tmpdir(), 'dossier-cluster-'));
  try {
    const converted = join(directory, 'records.jsonl');
    const lines = await convertRecords(inputPath, converted, options);
    const store = openSqliteStore(join(directory, 'cluster.db'));
    try {
      const byConvertedLine = lines.filter((line) => !line.rejected);
      const ingest = await ingestInputs(store, [converted], {
        ...(options.workers === undefined ? {} : { workers: options.workers }),
        onRejection: (rejection) => {
          const lineNumber = Number(/line (\d+)/u.exec(rejection.source?.locator ?? '')?.[1]);
          const line = byConvertedLine[lineNumber - 1];
          if (!line) return;
          line.rejected = rejection.reason;
          options.onRejection?.(`${inputPath}:${line.line}`, rejection.reason);
        },
      });
      const stories = new Set<string>();
      let clustered = 0;
      const output = createWriteStream(outputPath);
      for (let start = 0; start < lines.length; start += LOOKUP_BATCH) {
        const chunk = lines.slice(start, start + LOOKUP_BATCH);
        const ids = chunk.flatMap((line) => (line.id === null ? [] : [line.id]));
        const storyOf = await store.getStoriesOfArticles(ids);
        for (const line of chunk) {
          const story = line.rejected || line.id === null ? undefined : storyOf.get(line.id);
          if (story !== undefined) {
            clustered++;
            stories.add(story);
          }
          const record =
            story === undefined
              ? {
                  id: line.id,
                  ...(line.id === null ? { line: line.line } : {}),
                  story: null,
                  rejected: line.rejected ?? 'not clustered',
                }
              : { id: line.id, story };
          await writeLine(output, record);
        }
      }
      output.end();
      await finished(output);
      return {
        records: lines.length,
        clustered,
        rejected: lines.length - clustered,
        stories: stories.size,
        ingest,
      };
    } finally {
      await store.close();
    }
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

/** Step 1; returns every input line with its id (invalid lines are reported and kept as rejected). */
async function convertRecords(
  inputPath: string,
  convertedPath: string,
  options: ClusterRecordsOptions,
): Promise<InputLine[]> {
  const lines: InputLine[] = [];
  const output = createWriteStream(convertedPath);
  const reader = createInterface({
    input: createReadStream(inputPath, 'utf8'),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let number = 0;
  for await (const text of reader) {
    number++;
    if (text.trim() === '') continue;
    const record = parseRecord(text);
    if (typeof record === 'string') {
      options.onRejection?.(`${inputPath}:${number}`, record);
      lines.push({ line: number, id: readId(text) ?? null, rejected: record });
      continue;
    }
    lines.push({ line: number, id: record.id });
    // A title-only record becomes a one-line text: given as the title too, cleaning would remove it
    // from the body as a repeated headline and leave nothing.
    const hasText = Boolean(record.text?.trim());
    const converted = {
      id: record.id,
      title: hasText ? record.title || null : null,
      text: hasText ? record.text : (record.title ?? ''),
      published: record.date ?? null,
    };
    await writeLine(output, converted);
  }
  output.end();
  await finished(output);
  return lines;
}

/** The valid record, or why the line is not one. */
function parseRecord(text: string): z.infer<typeof ClusterRecord> | string {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return `invalid JSON (${error instanceof Error ? error.message : String(error)})`;
  }
  const parsed = ClusterRecord.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  return `invalid record (${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'unknown problem'})`;
}

function readId(text: string): string | undefined {
  try {
    const id = (JSON.parse(text) as { id?: unknown }).id;
    return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
  } catch {
    return undefined;
  }
}

/** Writes one JSON line, waiting for the stream to drain when its buffer is full. */
async function writeLine(output: WriteStream, value: unknown): Promise<void> {
  if (!output.write(`${JSON.stringify(value)}\n`)) await once(output, 'drain');
}
