import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mergeMetadata } from './merge-metadata.ts';

test('each field comes from the first source that has a usable value', () => {
  const merged = mergeMetadata([
    { origin: 'json-ld', candidates: { title: '  Headline\n  from JSON-LD ' } },
    { origin: 'open-graph', candidates: { title: 'OG', outlet: 'Gazette' } },
    { origin: 'meta', candidates: { outlet: 'Meta outlet', lang: 'en' } },
  ]);
  assert.deepEqual(merged, {
    title: { value: 'Headline from JSON-LD', origin: 'json-ld' },
    outlet: { value: 'Gazette', origin: 'open-graph' },
    lang: 'en',
  });
});

test('dates: ISO kept verbatim, written dates converted, relative or unparseable dates skipped', () => {
  assert.deepEqual(
    mergeMetadata([{ origin: 'meta', candidates: { published: '2024-03-05T09:30:00+01:00' } }]).published,
    {
      value: '2024-03-05T09:30:00+01:00',
      origin: 'meta',
    },
  );
  assert.match(
    mergeMetadata([{ origin: 'meta', candidates: { published: 'March 5, 2024' } }]).published?.value ?? '',
    /^2024-03-0[45]T/,
  );
  const merged = mergeMetadata([
    { origin: 'json-ld', candidates: { published: 'three hours ago' } },
    { origin: 'open-graph', candidates: { published: 'not a date' } },
    { origin: 'meta', candidates: { published: '2024-01-02' } },
  ]);
  assert.deepEqual(merged.published, { value: '2024-01-02', origin: 'meta' });
});

test('urls resolve against the page url; a relative url without a page url is skipped', () => {
  const sources = [{ origin: 'meta' as const, candidates: { url: '/story/1' } }];
  assert.equal(
    mergeMetadata(sources, 'https://gazette.example/news/').url?.value,
    'https://gazette.example/story/1',
  );
  assert.equal(mergeMetadata(sources).url, undefined);
});
