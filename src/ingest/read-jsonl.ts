import { z } from 'zod';
import type { ProvidedMetadata, ReadResult } from '../model/raw-document.ts';
import { type ByteChunks, describeStreamError } from './byte-stream.ts';
import { makeDocument, makeRejection } from './make-document.ts';
import { describeSizeLimit } from './read-options.ts';

/** A JSONL file (or stdin): where it was read, and the id prefix for lines without `id` or `url`. */
export interface JsonlOrigin {
  location: string;
  /** How rejections name the input: the path, or `stdin`. */
  name: string;
  idBase: string;
}

// `null` is how exporters often write a missing field; it counts as absent.
const optionalText = z.string().nullish();

/** One line: the shape of `../shared/data/stories/articles.jsonl`, plus `html`, `author` and `lang`. */
const JsonlArticle = z
  .object({
    id: z.union([z.string().trim().min(1), z.number().transform(String)]).nullish(),
    url: optionalText,
    outlet: optionalText,
    published: optionalText,
    title: optionalText,
    author: optionalText,
    lang: optionalText,
    text: optionalText,
    html: optionalText,
  })
  .refine((line) => (line.text == null) !== (line.html == null), {
    message: 'needs exactly one of "text" or "html"',
  });

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads JSON Lines: one article per line, streamed so large corpora never sit in memory whole.
 * 1. Split the byte stream into lines; a line over `maxBytes` is rejected without being kept.
 * 2. Decode each line as strict UTF-8 (JSON's only encoding, RFC 8259), parse it, validate with zod.
 * 3. `text` or `html` is the content; the other fields go to `provided`. A bad line is a rejection
 *    naming `file:LINE`; a read error (truncated gzip) ends the file with one rejection.
 */
export async function* readJsonl(
  chunks: ByteChunks,
  origin: JsonlOrigin,
  maxBytes: number,
): AsyncIterable<ReadResult> {
  try {
    for await (const line of splitLines(chunks, maxBytes)) {
      yield readLine(line, origin, maxBytes);
    }
  } catch (error) {
    yield makeRejection(
      { item: origin.name, kind: 'jsonl', location: origin.location },
      describeStreamError(error),
    );
  }
}

interface Line {
  number: number;
  /** Undefined when the line was longer than the cap. */
  bytes?: Buffer;
}

function readLine(line: Line, origin: JsonlOrigin, maxBytes: number): ReadResult {
  const where = {
    item: `${origin.name}:${line.number}`,
    kind: 'jsonl' as const,
    location: origin.location,
    locator: `line ${line.number}`,
  };
  if (!line.bytes) return makeRejection(where, `line ${describeSizeLimit(maxBytes)}`);
  let text: string;
  try {
    text = UTF8.decode(line.bytes);
  } catch {
    return makeRejection(where, 'invalid UTF-8 (JSON Lines must be UTF-8)');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return makeRejection(where, `invalid JSON (${error instanceof Error ? error.message : error})`);
  }
  const parsed = JsonlArticle.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.length ? `${issue.path.join('.')}: ` : '';
    return makeRejection(where, `invalid article (${path}${issue?.message ?? 'unknown problem'})`);
  }
  const { id, text: plain, html, ...metadata } = parsed.data;
  const format = html == null ? 'text' : 'html';
  const content = plain ?? html ?? '';
  if (content.trim() === '') return makeRejection(where, `empty ${format}`);
  const provided: ProvidedMetadata = Object.fromEntries(
    Object.entries(metadata).filter(([, value]) => typeof value === 'string' && value.trim() !== ''),
  );
  return makeDocument(
    {
      ...where,
      id: id ?? provided.url ?? `${origin.idBase}:${line.number}`,
      contentType: format === 'html' ? 'text/html' : 'text/plain',
      provided,
    },
    format,
    { text: content, charset: 'utf-8', charsetOrigin: 'default', byteLength: line.bytes.byteLength },
  );
}

/**
 * Splits a byte stream at `\n` (dropping a preceding `\r`), numbering lines from 1 and skipping blank
 * ones. A line growing past `maxBytes` is dropped from memory at once and reported without bytes.
 */
async function* splitLines(chunks: ByteChunks, maxBytes: number): AsyncIterable<Line> {
  let parts: Buffer[] = [];
  let length = 0;
  let overflow = false;
  let number = 0;
  const finish = (): Line | undefined => {
    number++;
    const bytes = trimLineEnd(Buffer.concat(parts, length), number === 1);
    const line = overflow
      ? { number }
      : bytes.toString('latin1').trim() === ''
        ? undefined
        : { number, bytes };
    parts = [];
    length = 0;
    overflow = false;
    return line;
  };
  for await (const chunk of chunks) {
    let buffer = Buffer.from(chunk);
    for (let newline = buffer.indexOf(0x0a); newline >= 0; newline = buffer.indexOf(0x0a)) {
      append(buffer.subarray(0, newline));
      const line = finish();
      if (line) yield line;
      buffer = buffer.subarray(newline + 1);
    }
    append(buffer);
  }
  if (length > 0 || overflow) {
    const line = finish();
    if (line) yield line;
  }

  function append(piece: Buffer) {
    if (overflow || piece.length === 0) return;
    length += piece.length;
    if (length > maxBytes) {
      overflow = true;
      parts = [];
      length = 0;
    } else parts.push(piece);
  }
}

/** Drops a trailing CR (CRLF files) and, on the first line, a UTF-8 byte-order mark. */
function trimLineEnd(bytes: Buffer, isFirst: boolean): Buffer {
  let line = bytes;
  if (line[line.length - 1] === 0x0d) line = line.subarray(0, -1);
  if (isFirst && line[0] === 0xef && line[1] === 0xbb && line[2] === 0xbf) line = line.subarray(3);
  return line;
}
