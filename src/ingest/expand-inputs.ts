import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, join, relative, resolve, sep } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { describeStreamError } from './byte-stream.ts';
import type { FileInput } from './read-file.ts';

/** What one command-line input stands for. */
export type ExpandedInput =
  | { kind: 'stdin' }
  | { kind: 'url'; url: string }
  | { kind: 'file'; file: FileInput }
  | { kind: 'rejected'; item: string; reason: string };

/**
 * Resolves one input argument.
 * 1. `-` is stdin; `http(s)://...` a URL.
 * 2. An existing file is itself (id: its base name); a directory yields its files recursively, in
 *    code-point order, skipping hidden names (id: path inside the directory, `/`-separated).
 * 3. Otherwise a glob pattern yields its matches (id: path below the pattern's static base).
 * 4. Anything matching nothing is reported, never dropped.
 */
export async function* expandInput(input: string): AsyncIterable<ExpandedInput> {
  if (input === '-') {
    yield { kind: 'stdin' };
    return;
  }
  if (/^https?:\/\//i.test(input)) {
    yield { kind: 'url', url: input };
    return;
  }
  let found: Awaited<ReturnType<typeof stat>> | undefined;
  try {
    found = await stat(input);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      yield { kind: 'rejected', item: input, reason: describeStreamError(error) };
      return;
    }
  }
  if (found?.isDirectory()) {
    let count = 0;
    for await (const entry of walkDirectory(input, '')) {
      count++;
      yield entry;
    }
    if (count === 0)
      yield { kind: 'rejected', item: input, reason: 'no files in directory (hidden ones are skipped)' };
  } else if (found) {
    yield { kind: 'file', file: { path: input, id: basename(input) } };
  } else if (isDynamicPattern(input)) {
    yield* expandGlob(input);
  } else {
    yield { kind: 'rejected', item: input, reason: 'no such file or directory' };
  }
}

async function* walkDirectory(directory: string, prefix: string): AsyncIterable<ExpandedInput> {
  let listing: Dirent[];
  try {
    listing = await readdir(directory, { withFileTypes: true });
  } catch (error) {
    // An unreadable subdirectory is one rejection; its siblings are still read.
    yield { kind: 'rejected', item: directory, reason: describeStreamError(error) };
    return;
  }
  const entries = listing
    .filter((entry) => !entry.name.startsWith('.'))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(directory, entry.name);
    const id = prefix ? `${prefix}/${entry.name}` : entry.name;
    const type = await resolveType(entry, path);
    if (type === 'directory') yield* walkDirectory(path, id);
    else if (type === 'file') yield { kind: 'file', file: { path, id } };
    else yield { kind: 'rejected', item: path, reason: type };
  }
}

/** Symlinks to files are followed; symlinks to directories are not (they can form cycles). */
async function resolveType(entry: Dirent, path: string): Promise<'file' | 'directory' | string> {
  if (entry.isDirectory()) return 'directory';
  if (entry.isFile()) return 'file';
  if (!entry.isSymbolicLink()) return 'not a regular file';
  try {
    const target = await stat(path);
    if (target.isFile()) return 'file';
    return target.isDirectory() ? 'symlinked directory not followed' : 'not a regular file';
  } catch (error) {
    return `broken symlink (${describeStreamError(error)})`;
  }
}

async function* expandGlob(pattern: string): AsyncIterable<ExpandedInput> {
  const segments = pattern.split('/');
  const dynamicAt = segments.findIndex((segment) => isDynamicPattern(segment));
  const base = segments.slice(0, dynamicAt).join('/') || (pattern.startsWith('/') ? '/' : '.');
  const matches = await glob(pattern, { onlyFiles: true, absolute: true, expandDirectories: false });
  const files = matches
    .map((absolute) => toSlashes(relative(resolve(base), absolute)))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (files.length === 0) {
    yield { kind: 'rejected', item: pattern, reason: 'no such file, directory or glob match' };
    return;
  }
  for (const id of files) yield { kind: 'file', file: { path: join(base, id), id } };
}

function toSlashes(path: string): string {
  return path.split(sep).join('/');
}
