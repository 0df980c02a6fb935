import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { DomElement } from './dom.ts';

const LexiconSchema = z.object({
  boilerplate: z.record(z.string(), z.array(z.string().min(1))),
  content: z.array(z.string().min(1)),
  ignoredPrefixes: z.array(z.string().min(1)),
});

const lexicon = LexiconSchema.parse(
  JSON.parse(
    readFileSync(new URL('../../../data/lexicons/html-boilerplate-names.json', import.meta.url), 'utf8'),
  ),
);

/** Matches any entry as a run of whole parts inside one name (parts are space-separated). */
function compileEntries(entries: string[]): RegExp {
  const alternatives = entries.map((entry) => entry.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  return new RegExp(`(?:^| )(?:${alternatives})(?= |$)`);
}

const BOILERPLATE_PATTERN = compileEntries(Object.values(lexicon.boilerplate).flat());
const CONTENT_PATTERN = compileEntries(lexicon.content);

/**
 * An element's id and class names as lower-case word parts, one name per `/`-separated group so
 * an entry never matches across two names (`author` in one class and `bio` in another).
 * 1. Split `class` on whitespace; drop taxonomy classes (ignoredPrefixes) and add the id.
 * 2. Break each name at camelCase humps and at non-alphanumerics.
 */
export function readNameParts(element: DomElement): string {
  const names = (element.getAttribute('class') ?? '')
    .split(/\s+/)
    .filter((name) => name !== '' && !lexicon.ignoredPrefixes.some((prefix) => name.startsWith(prefix)));
  const id = element.getAttribute('id');
  if (id) names.push(id);
  return names
    .map((name) =>
      name
        .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
        .toLowerCase()
        .split(/[^a-z0-9]+/)
        .filter((part) => part !== '')
        .join(' '),
    )
    .join(' / ');
}

/**
 * Verdicts by raw `class` and `id`: a page repeats the same class strings on many elements.
 * Cleared when it reaches this many entries, so a long batch cannot grow it without bound; 10,000
 * is far above the distinct class/id pairs of one page (a few hundred on the benchmark's pages).
 */
const VERDICT_CACHE_LIMIT = 10_000;
const verdicts = new Map<string, boolean>();

/** True when the element's names mark it as page furniture and none marks it as article text. */
export function hasBoilerplateName(element: DomElement): boolean {
  const className = element.getAttribute('class');
  const id = element.getAttribute('id');
  if (className === null && id === null) return false;
  const key = `${className ?? ''}#${id ?? ''}`;
  let verdict = verdicts.get(key);
  if (verdict === undefined) {
    const parts = readNameParts(element);
    verdict = parts !== '' && BOILERPLATE_PATTERN.test(parts) && !CONTENT_PATTERN.test(parts);
    if (verdicts.size >= VERDICT_CACHE_LIMIT) verdicts.clear();
    verdicts.set(key, verdict);
  }
  return verdict;
}
