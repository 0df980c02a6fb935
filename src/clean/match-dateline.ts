import type { Span } from '../model/span.ts';

/** An all-caps place, possibly several joined by "/": "LINDELL SPRINGS", "MOSCOW/WASHINGTON". */
const CAPS_PLACE = String.raw`\p{Lu}[\p{Lu}.'’-]+(?:[ /]\p{Lu}[\p{Lu}.'’-]*)*`;
/** A capitalised place: "Kyiv", "Port Moresby". */
const MIXED_PLACE = String.raw`\p{Lu}\p{Ll}+(?:\s\p{Lu}\p{Ll}+)*`;
/** ", Country" or ", State". */
const REGION = String.raw`(?:,\s+\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*)*)?`;
/** ", March 13" or ", 9 October". */
const DAY = String.raw`(?:,\s+(?:\p{Lu}\p{Ll}{2,8}\.?\s\d{1,2}|\d{1,2}\s\p{Lu}\p{Ll}{2,8}))?`;
/** " (Agency Name)". */
const AGENCY = String.raw`\s+\([^()\n]{1,40}\)`;
const DASH = String.raw`\s*(?:—|–|--|-)\s`;

/**
 * A wire dateline opening a paragraph, up to (not including) its dash: "CITY (Agency) —",
 * "CITY, March 13 (AGY) -", "CITY/OTHER —", "City, Country (AP) –". Group 1 is the dateline.
 * An all-caps place needs no agency; a mixed-case place does, so that ordinary sentences opening
 * with a capitalised word and a dash are not taken.
 */
const DATELINE = new RegExp(
  `^((?:${CAPS_PLACE}${REGION}${DAY}(?:${AGENCY})?)|(?:${MIXED_PLACE}${REGION}${DAY}${AGENCY}))${DASH}`,
  'u',
);
/** Datelines are short; looking further into a paragraph only costs time. */
const DATELINE_WINDOW = 200;

/** The dateline at the start of a paragraph, as a span of `text`, or undefined. */
export function matchDateline(text: string, paragraph: Span): Span | undefined {
  const head = text.slice(paragraph.start, Math.min(paragraph.end, paragraph.start + DATELINE_WINDOW));
  const dateline = DATELINE.exec(head)?.[1];
  return dateline ? { start: paragraph.start, end: paragraph.start + dateline.length } : undefined;
}
