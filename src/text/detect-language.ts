import { readFileSync } from 'node:fs';
import { francAll } from 'franc';
import { iso6393To1 } from 'iso-639-3';

/** Languages franc confuses with major ones (see the file for why each is listed). */
const IGNORED = readFileSync(new URL('../../data/language/franc-ignore.txt', import.meta.url), 'utf8')
  .split('\n')
  .map((line) => line.replace(/#.*/, '').trim())
  .filter((line) => line.length > 0);

/**
 * franc reads at most 2,048 characters itself; sampling the same amount keeps detection cost flat
 * for long articles.
 */
const SAMPLE_CHARS = 2048;

/** Below this many letters franc's trigram profile is noise; its own default is 10, too low for prose. */
const MIN_LETTERS = 40;

export interface DetectedLanguage {
  /** ISO 639-1 when the language has one, else ISO 639-3; `und` when undetermined. */
  code: string;
  /** Margin between the best and second-best trigram distance, 0..1 (franc scores the best as 1). */
  confidence: number;
}

/**
 * Guesses the language of prose.
 * 1. Sample the first 2,048 characters; give up (`und`) below 40 letters.
 * 2. Rank languages by franc's trigram distance.
 * 3. Report the best as ISO 639-1 where one exists; confidence is its lead over the runner-up.
 */
export function detectLanguage(text: string): DetectedLanguage {
  const sample = text.slice(0, SAMPLE_CHARS);
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  if (letters < MIN_LETTERS) return { code: 'und', confidence: 0 };
  const ranked = francAll(sample, { minLength: MIN_LETTERS, ignore: IGNORED });
  const best = ranked[0];
  if (!best || best[0] === 'und') return { code: 'und', confidence: 0 };
  const runnerUp = ranked[1]?.[1] ?? 0;
  const code = iso6393To1[best[0]] ?? best[0];
  return { code, confidence: Math.max(0, Math.min(1, best[1] - runnerUp)) };
}
