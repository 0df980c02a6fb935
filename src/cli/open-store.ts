import { openSqliteStore } from '../store/sqlite/sqlite-store.ts';
import type { Store } from '../store/store.ts';
import { CliError } from './cli-context.ts';

/** Default database file, in the working directory like git's `.git`. */
export const DEFAULT_DB_PATH = './dossier.db';

/** Opens the store named by `--db`; the store's own error already names the path and the reason. */
export function openStore(path: string): Store {
  try {
    return openSqliteStore(path);
  } catch (error) {
    throw new CliError((error as Error).message);
  }
}

/** Runs `work` with an open store and always closes it. */
export async function withStore<T>(path: string, work: (store: Store) => Promise<T>): Promise<T> {
  const store = openStore(path);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}
