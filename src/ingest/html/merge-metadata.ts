import { parse as parseDates } from 'chrono-node';
import type { Field, FieldOrigin } from '../../model/article.ts';
import type { HtmlMetadata, MetadataCandidates } from './html-metadata.ts';

export interface MetadataSource {
  origin: FieldOrigin;
  candidates: MetadataCandidates;
}

const FIELD_KEYS = ['title', 'byline', 'published', 'modified', 'outlet', 'url'] as const;

/** A date that already reads as ISO-8601 (`2019-11-19`, optionally with a time) is kept verbatim. */
/** A written date names its year; relative phrases never do. */
const EXPLICIT_YEAR = /\b(1[89]|2\d)\d{2}\b/;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Merges metadata sources, given in order of trust (JSON-LD, Open Graph, meta, Readability).
 * 1. Each field takes the first source whose value is usable, with that source as its origin.
 * 2. Dates must be dates: ISO values are kept, others are parsed with chrono and written as ISO
 *    when they spell out a four-digit year and chrono is certain of the day (a relative "3 hours
 *    ago" would resolve against the time of ingestion, and chrono calls its parts certain);
 *    otherwise the next source is tried.
 * 3. URLs are resolved against `pageUrl` when relative; an unresolvable URL is not usable.
 * 4. `lang` and `description` are plain strings, first usable wins.
 */
export function mergeMetadata(sources: MetadataSource[], pageUrl?: string): HtmlMetadata {
  const metadata: HtmlMetadata = {};
  for (const key of FIELD_KEYS) {
    for (const { origin, candidates } of sources) {
      const raw = candidates[key];
      const value = raw === undefined ? undefined : normalizeValue(key, raw, pageUrl);
      if (value !== undefined) {
        metadata[key] = { value, origin } satisfies Field;
        break;
      }
    }
  }
  const lang = sources.map((source) => source.candidates.lang).find((value) => value !== undefined);
  if (lang) metadata.lang = lang;
  const description = sources
    .map((source) => source.candidates.description)
    .find((value) => value !== undefined);
  if (description) metadata.description = description;
  return metadata;
}

function normalizeValue(key: (typeof FIELD_KEYS)[number], raw: string, pageUrl?: string): string | undefined {
  const value = raw.replace(/\s+/g, ' ').trim();
  if (value === '') return undefined;
  if (key === 'published' || key === 'modified') return normalizeDate(value);
  if (key === 'url') return resolveUrl(value, pageUrl);
  return value;
}

function normalizeDate(value: string): string | undefined {
  if (ISO_DATE.test(value)) return value;
  if (!EXPLICIT_YEAR.test(value)) return undefined;
  // Date.parse reads the common written forms ("November 19, 2019", RFC 2822) at a fraction of
  // chrono's cost; chrono handles the rest ("19. November 2019", "Nov. 19, 2019, 8:38 AM").
  const parsed = Date.parse(value);
  if (!Number.isNaN(parsed)) return new Date(parsed).toISOString();
  const start = parseDates(value)[0]?.start;
  return start?.isCertain('day') ? start.date().toISOString() : undefined;
}

function resolveUrl(value: string, pageUrl?: string): string | undefined {
  try {
    return new URL(value, pageUrl).href;
  } catch {
    return undefined;
  }
}
