import { readFileSync } from 'node:fs';

const STOPWORDS_FILE = new URL('../../data/cluster/stopwords-en.txt', import.meta.url);

/** Lower-case function words that say nothing about what an article is about (`data/cluster/stopwords-en.txt`). */
const STOPWORDS: ReadonlySet<string> = new Set(
  readFileSync(STOPWORDS_FILE, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#')),
);

export function isStopword(word: string): boolean {
  return STOPWORDS.has(word.toLowerCase());
}
