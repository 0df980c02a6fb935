/** A date-time with a time of day but no offset (`2024-03-01T10:00`), which `Date.parse` would read as local time. */
const NO_OFFSET = /T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/u;

/**
 * A sort key for `published` that orders instants correctly across time zones: the UTC ISO form.
 * Date-times without an offset are read as UTC so the key does not depend on the machine's zone;
 * values that are not dates give no key and sort with the undated articles.
 */
export function normalizePublishedKey(published: string | undefined): string | undefined {
  if (published === undefined) return undefined;
  const time = Date.parse(NO_OFFSET.test(published) ? `${published}Z` : published);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}
