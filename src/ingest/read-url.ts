import type { ReadResult } from '../model/raw-document.ts';
import { fetchText } from './fetch-text.ts';
import { makeDocument, makeRejection } from './make-document.ts';
import { readFeed } from './read-feed.ts';
import type { ReadOptions } from './read-options.ts';

/** Reads an `http(s)://` input: a feed yields its items, a page or text file is one document. */
export async function* readUrl(url: string, options: ReadOptions): AsyncIterable<ReadResult> {
  const result = await fetchText(url, options);
  if (!result.ok) {
    yield makeRejection({ item: url, kind: 'url', location: url }, result.reason);
    return;
  }
  const page = result.fetched;
  if (page.format === 'feed') {
    yield* readFeed(
      page.text,
      {
        location: url,
        name: url,
        idBase: url,
        baseUrl: page.url,
        charset: page.charset,
        charsetOrigin: page.charsetOrigin,
        fetchedAt: page.fetchedAt,
      },
      options,
    );
    return;
  }
  yield makeDocument(
    {
      id: url,
      item: url,
      kind: 'url',
      location: url,
      ...(page.contentType ? { contentType: page.contentType } : {}),
      fetchedAt: page.fetchedAt,
      provided: { url: page.url },
    },
    page.format,
    page,
  );
}
