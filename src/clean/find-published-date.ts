import * as chrono from 'chrono-node';
import type { Field } from '../model/article.ts';
import type { Span } from '../model/span.ts';

/** Only absolute dates count: the matched text must spell out the year. */
const EXPLICIT_YEAR = /\b\d{4}\b/;

/**
 * The first absolute date (with day, month and an explicit year) in the given header spans, as an
 * ISO-8601 date, or a date-time when the time is given (with its offset when the zone is given).
 * Relative dates ("3 days ago", "Tuesday") are never resolved: there is no reference time.
 * @param candidates byline, timestamp and dateline spans near the top, in order of trust
 */
export function findPublishedDate(text: string, candidates: Span[]): Field | undefined {
  for (const candidate of candidates) {
    const value = text.slice(candidate.start, candidate.end);
    // chrono is the costliest step of cleaning; a line without a year cannot yield a result.
    if (!EXPLICIT_YEAR.test(value)) continue;
    for (const result of chrono.parse(value)) {
      const found = result.text.trimEnd();
      const { start } = result;
      if (!EXPLICIT_YEAR.test(found) || !start.isCertain('month') || !start.isCertain('day')) continue;
      const spanStart = candidate.start + result.index;
      return {
        value: formatParsedDate(start),
        origin: 'text',
        span: { start: spanStart, end: spanStart + found.length },
      };
    }
  }
  return undefined;
}

function pad(value: number | null, width = 2): string {
  return String(value ?? 0).padStart(width, '0');
}

/** `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM` or `YYYY-MM-DDTHH:MM±HH:MM`, from the parsed components as written. */
function formatParsedDate(components: chrono.ParsedComponents): string {
  const date = `${pad(components.get('year'), 4)}-${pad(components.get('month'))}-${pad(components.get('day'))}`;
  if (!components.isCertain('hour')) return date;
  const time = `${date}T${pad(components.get('hour'))}:${pad(components.get('minute'))}`;
  const offset = components.isCertain('timezoneOffset') ? components.get('timezoneOffset') : null;
  if (offset === null) return time;
  const sign = offset < 0 ? '-' : '+';
  const absolute = Math.abs(offset);
  return `${time}${sign}${pad(Math.floor(absolute / 60))}:${pad(absolute % 60)}`;
}
