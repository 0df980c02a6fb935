import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root, found from this file's location so tests work from any working directory. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** `../shared` beside the repository: present for developers and CI, absent on a user's machine. */
const sharedRoot = resolve(repoRoot, '..', 'shared');

/**
 * Absolute path of something under `../shared`, or a skip message when it is absent.
 * Usage: `const seeds = sharedPath('seeds'); test('...', { skip: seeds.skip }, () => ...)`.
 */
export function sharedPath(...parts: string[]): { path: string; skip: string | false } {
  const path = join(sharedRoot, ...parts);
  return existsSync(path)
    ? { path, skip: false }
    : {
        path,
        skip: `../shared/${parts.join('/')} is absent (it exists only beside a developer or CI checkout)`,
      };
}
