import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Article } from '../model/article.ts';
import type { Rejection } from '../model/raw-document.ts';
import type { StoryAssignment, StoryLabel } from '../model/story.ts';
import type { Store } from './store.ts';
import { makeTestArticle } from './test-article.ts';

/**
 * The behaviour every Store backend must show, written once against the interface. `open` must
 * return a new, empty store on each call; each test closes the store it opened.
 */
export function runStoreContract(name: string, open: () => Promise<Store> | Store): void {
  async function withStore(use: (store: Store) => Promise<void>): Promise<void> {
    const store = await open();
    try {
      await use(store);
    } finally {
      await store.close();
    }
  }

  describe(`Store contract: ${name}`, () => {
    test('counts inserted, unchanged and updated articles and stores the new content', () =>
      withStore(async (store) => {
        const runId = await store.beginRun(['batch.jsonl']);
        const first = makeTestArticle({ id: 'a', paragraphs: ['The harbour ferry resumed service.'] });
        const second = makeTestArticle({ id: 'b', paragraphs: ['A library opened on the hill.'] });
        assert.deepEqual(await store.saveBatch(runId, [first, second], []), counts(2, 0, 0, 0));
        assert.deepEqual(await store.saveBatch(runId, [first, second], []), counts(0, 0, 2, 0));

        const revised = makeTestArticle({ id: 'a', paragraphs: ['The harbour ferry was cancelled again.'] });
        assert.notEqual(revised.contentHash, first.contentHash);
        assert.deepEqual(await store.saveBatch(runId, [revised, second], []), counts(0, 1, 1, 0));
        assert.equal(await store.countArticles(), 2);
        assert.deepEqual(await store.getArticle('a'), revised);
        assert.deepEqual(await store.search('resumed'), [], 'the replaced text is no longer indexed');
        assert.deepEqual(
          (await store.search('cancelled')).map((hit) => hit.id),
          ['a'],
        );
        assert.deepEqual(
          await store.getContentHashes(['a', 'b', 'missing']),
          new Map([
            ['a', revised.contentHash],
            ['b', second.contentHash],
          ]),
        );
      }));

    test('re-saving an identical batch changes nothing', () =>
      withStore(async (store) => {
        const runId = await store.beginRun(['feed.xml']);
        const articles = [
          makeTestArticle({ id: 'x', title: 'Snow closes the pass', published: '2025-01-04' }),
          makeTestArticle({ id: 'y', paragraphs: ['Second story text.'], format: 'html' }),
        ];
        await store.saveBatch(runId, articles, []);
        const listed = await store.listArticles();
        const stored = await store.getArticle('x');

        const rerun = await store.beginRun(['feed.xml']);
        assert.deepEqual(await store.saveBatch(rerun, articles, []), counts(0, 0, 2, 0));
        assert.deepEqual(await store.listArticles(), listed);
        assert.deepEqual(await store.getArticle('x'), stored);
        assert.equal(await store.countArticles(), 2);
      }));

    test('an id repeated within one batch is inserted once, then compared like any re-save', () =>
      withStore(async (store) => {
        const runId = await store.beginRun(['dupes.jsonl']);
        const original = makeTestArticle({ id: 'dup', paragraphs: ['First wording.'] });
        const reworded = makeTestArticle({ id: 'dup', paragraphs: ['Second wording.'] });
        assert.deepEqual(
          await store.saveBatch(runId, [original, original, reworded], []),
          counts(1, 1, 1, 0),
        );
        assert.deepEqual(await store.getArticle('dup'), reworded);
      }));

    test('a batch that fails part-way writes nothing at all', () =>
      withStore(async (store) => {
        const runId = await store.beginRun(['broken.jsonl']);
        const good = makeTestArticle({ id: 'good' });
        const unserializable = makeTestArticle({ id: 'bad' }) as Article & { self?: unknown };
        unserializable.self = unserializable;
        await assert.rejects(store.saveBatch(runId, [good, unserializable], [rejection('broken.jsonl:3')]));
        assert.equal(await store.countArticles(), 0);
        assert.deepEqual(await store.listRejections(runId), []);
        assert.deepEqual((await store.listRuns())[0]?.counts, counts(0, 0, 0, 0));
      }));

    test('saving under an unknown run is refused with a message naming the run', () =>
      withStore(async (store) => {
        await assert.rejects(store.saveBatch(999, [makeTestArticle()], []), /run 999/);
        assert.equal(await store.countArticles(), 0);
      }));

    test('records rejections with their run, in order, and filters by run', () =>
      withStore(async (store) => {
        const run1 = await store.beginRun(['one.jsonl']);
        const run2 = await store.beginRun(['two']);
        const withSource: Rejection = {
          item: 'one.jsonl:7',
          reason: 'line is not valid JSON',
          source: { kind: 'jsonl', location: 'one.jsonl', locator: 'line 7' },
        };
        assert.deepEqual(await store.saveBatch(run1, [], [withSource]), counts(0, 0, 0, 1));
        await store.saveBatch(run2, [makeTestArticle()], [rejection('two/a.html'), rejection('two/b.html')]);

        const first = await store.listRejections(run1);
        assert.equal(first.length, 1);
        assert.deepEqual({ ...first[0], at: undefined }, { ...withSource, runId: run1, at: undefined });
        assert.ok(!Number.isNaN(Date.parse(first[0]!.at)), 'at is an ISO time');

        const second = await store.listRejections(run2);
        assert.deepEqual(
          second.map((r) => [r.runId, r.item, r.source]),
          [
            [run2, 'two/a.html', undefined],
            [run2, 'two/b.html', undefined],
          ],
        );
        assert.deepEqual(
          (await store.listRejections()).map((r) => r.item),
          ['two/a.html', 'two/b.html', 'one.jsonl:7'],
          'all rejections: latest run first, each run in order',
        );
        assert.deepEqual(
          (await store.listRejections(run2, 1)).map((r) => r.item),
          ['two/a.html'],
        );
      }));

    test('lists runs newest first with inputs and counts, before and after they finish', () =>
      withStore(async (store) => {
        const older = await store.beginRun(['a.txt', 'b.txt']);
        const newer = await store.beginRun(['https://example.org/feed']);
        assert.notEqual(older, newer);
        await store.saveBatch(older, [makeTestArticle({ id: 'r1' })], [rejection('b.txt')]);
        await store.saveBatch(older, [makeTestArticle({ id: 'r1' }), makeTestArticle({ id: 'r2' })], []);

        const unfinished = await store.listRuns();
        assert.deepEqual(
          unfinished.map((run) => run.id),
          [newer, older],
        );
        const olderRun = unfinished[1]!;
        assert.deepEqual(olderRun.inputs, ['a.txt', 'b.txt']);
        assert.equal(olderRun.finishedAt, undefined);
        assert.deepEqual(
          olderRun.counts,
          counts(2, 0, 1, 1),
          'an unfinished run shows what its batches committed',
        );
        assert.ok(!Number.isNaN(Date.parse(olderRun.startedAt)));

        // The caller's final tally is authoritative, even where it differs from the sum of batches.
        const final = counts(2, 0, 1, 3);
        await store.finishRun(older, final);
        const finished = (await store.listRuns()).find((run) => run.id === older);
        assert.deepEqual(finished?.counts, final);
        assert.ok(finished?.finishedAt !== undefined && !Number.isNaN(Date.parse(finished.finishedAt)));
        assert.deepEqual(
          (await store.listRuns(1)).map((run) => run.id),
          [newer],
        );
        await assert.rejects(store.finishRun(999, final), /run 999/);
      }));

    test('search finds articles by body words and by title words, with bracketed snippets', () =>
      withStore(async (store) => {
        const runId = await store.beginRun(['search']);
        await store.saveBatch(runId, searchFixtures(), []);

        const byBody = await store.search('lighthouse keeper');
        assert.deepEqual(
          byBody.map((hit) => hit.id),
          ['keeper'],
        );
        assert.equal(byBody[0]?.title, 'Storm season on the coast');
        assert.match(byBody[0]!.snippet, /\[lighthouse\] \[keeper\]/);
        assert.equal(typeof byBody[0]?.rank, 'number');

        const byTitle = await store.search('storm season');
        assert.deepEqual(
          byTitle.map((hit) => hit.id),
          ['keeper'],
        );
        assert.deepEqual(await store.search('nonexistentword'), []);
      }));

    test('search stems words and ignores case and diacritics', () =>
      withStore(async (store) => {
        const runId = await store.beginRun(['search']);
        await store.saveBatch(runId, searchFixtures(), []);
        assert.deepEqual(
          (await store.search('BAKERIES')).map((hit) => hit.id),
          ['bakery'],
        );
        assert.deepEqual(
          (await store.search('cafe')).map((hit) => hit.id),
          ['bakery'],
        );
      }));

    test('search ranks a title match above a body match and honours the limit', () =>
      withStore(async (store) => {
        const runId = await store.beginRun(['search']);
        await store.saveBatch(
          runId,
          [
            makeTestArticle({
              id: 'body-only',
              title: 'Council news',
              // Three mentions in a short body outrank one in the title unless the title weighs more.
              paragraphs: ['The tramway budget: tramway repairs, tramway staff.'],
            }),
            makeTestArticle({
              id: 'in-title',
              title: 'Tramway extension approved',
              paragraphs: ['Councillors voted on Tuesday after a long debate about costs and routes.'],
            }),
          ],
          [],
        );
        const hits = await store.search('tramway');
        assert.deepEqual(
          hits.map((hit) => hit.id),
          ['in-title', 'body-only'],
        );
        assert.ok(hits[0]!.rank < hits[1]!.rank, 'bm25: lower is better');
        assert.deepEqual(
          (await store.search('tramway', 1)).map((hit) => hit.id),
          ['in-title'],
        );
      }));

    test('quoted phrases match only adjacent words, bare words match anywhere', () =>
      withStore(async (store) => {
        const runId = await store.beginRun(['search']);
        await store.saveBatch(runId, searchFixtures(), []);
        assert.deepEqual(
          (await store.search('"river crossing"')).map((hit) => hit.id),
          ['bridge'],
        );
        assert.deepEqual((await store.search('river crossing')).map((hit) => hit.id).sort(), [
          'bridge',
          'ferry',
        ]);
        assert.deepEqual(
          (await store.search('\u201Criver crossing\u201D')).map((hit) => hit.id),
          ['bridge'],
          'typographic quotes delimit phrases too',
        );
      }));

    test('hostile query text is searched as plain words, never as query syntax', () =>
      withStore(async (store) => {
        const runId = await store.beginRun(['search']);
        await store.saveBatch(runId, searchFixtures(), []);
        const cases: [string, string[]][] = [
          ['river" OR (', ['ferry']],
          ['river OR nothingmatches', []],
          ['NOT river', ['ferry']],
          ['river NEAR(crossing', []],
          ['(lighthouse) AND -keeper*', ['keeper']],
          ['title:storm', []],
          ['{title body}: lighthouse', []],
          ['^lighthouse', ['keeper']],
          ['lighthouse"', ['keeper']],
          ['"', []],
          ['""', []],
          ['* - ( ) : ^ + ,', []],
          ['', []],
          ['   ', []],
          ["lighthouse'; DROP TABLE articles; --", []],
          ['light\u0000house', []],
          ['lighthouse\u0000', ['keeper']],
          ['\uD800lighthouse\uDFFF', ['keeper']],
          ['lighthouse '.repeat(500), ['keeper']],
        ];
        for (const [query, expected] of cases) {
          assert.deepEqual(
            (await store.search(query)).map((hit) => hit.id).sort(),
            expected,
            `query ${JSON.stringify(query.slice(0, 40))}`,
          );
        }
        assert.equal(await store.countArticles(), searchFixtures().length);
      }));

    test('lists articles newest first across time zones, undated last by id, with paging', () =>
      withStore(async (store) => {
        const runId = await store.beginRun(['listing']);
        const articles = [
          makeTestArticle({ id: 'undated-b', paragraphs: ['No date here.'] }),
          makeTestArticle({ id: 'day-only', published: '2025-03-02', paragraphs: ['Dated by day.'] }),
          // 23:30 at UTC-05:00 is 04:30 UTC on 3 March: the newest, though its text sorts lower.
          makeTestArticle({ id: 'west', published: '2025-03-02T23:30:00-05:00', paragraphs: ['Late news.'] }),
          makeTestArticle({
            id: 'east',
            published: '2025-03-02T12:00:00+09:00',
            paragraphs: ['Early news.'],
          }),
          makeTestArticle({ id: 'undated-a', paragraphs: ['Also undated.'] }),
          makeTestArticle({ id: 'older', published: '2024-12-31T10:00:00Z', paragraphs: ['Last year.'] }),
        ];
        await store.saveBatch(runId, articles, []);
        const order = ['west', 'east', 'day-only', 'older', 'undated-a', 'undated-b'];
        assert.deepEqual(
          (await store.listArticles()).map((row) => row.id),
          order,
        );
        assert.deepEqual(
          (await store.listArticles({ limit: 2, offset: 1 })).map((row) => row.id),
          order.slice(1, 3),
        );
        assert.deepEqual(
          (await store.listArticles({ offset: 4 })).map((row) => row.id),
          order.slice(4),
        );
        assert.deepEqual(await store.listArticles({ limit: 0 }), []);
        assert.deepEqual(await store.listArticles({ offset: 10 }), []);
        await assert.rejects(store.listArticles({ limit: -1 }), /limit/);
      }));

    test('summaries carry the listing fields', () =>
      withStore(async (store) => {
        const runId = await store.beginRun(['summary']);
        const article = makeTestArticle({
          id: 'full',
          title: 'Bridge reopens',
          paragraphs: ['Traffic returned at dawn.', 'Cyclists were first across.'],
          outlet: 'Valley Courier',
          published: '2025-05-06T07:00:00Z',
          url: 'https://courier.example/bridge',
          lang: 'cy',
          ingestedAt: '2025-05-06T08:00:00.000Z',
        });
        const bare = makeTestArticle({ id: 'bare', paragraphs: ['Only text.'] });
        await store.saveBatch(runId, [article, bare], []);
        assert.deepEqual(await store.listArticles(), [
          {
            id: 'full',
            title: 'Bridge reopens',
            outlet: 'Valley Courier',
            published: '2025-05-06T07:00:00Z',
            url: 'https://courier.example/bridge',
            lang: 'cy',
            bodyLength: 'Traffic returned at dawn.\n\nCyclists were first across.'.length,
            ingestedAt: '2025-05-06T08:00:00.000Z',
          },
          { id: 'bare', lang: 'en', bodyLength: 'Only text.'.length, ingestedAt: bare.ingestedAt },
        ]);
      }));

    test('getArticle returns exactly what was saved; an unknown id gives undefined', () =>
      withStore(async (store) => {
        const runId = await store.beginRun(['roundtrip']);
        const plain = makeTestArticle({
          id: 'plain',
          title: 'Caf\u00e9 owners meet',
          paragraphs: ['Prices rose by 4\u00a0% \u2014 owners say \u201cenough\u201d. \u{1F4F0}'],
          published: '2025-02-01',
        });
        const html = makeTestArticle({
          id: 'html',
          title: 'Fish & chips <cheaper>',
          paragraphs: ['Markup & entities map back as whole runs.'],
          format: 'html',
        });
        await store.saveBatch(runId, [plain, html], []);
        assert.deepEqual(await store.getArticle('plain'), plain);
        assert.deepEqual(await store.getArticle('html'), html);
        assert.equal(await store.getArticle('absent'), undefined);
        assert.deepEqual(await store.getContentHashes([]), new Map());
      }));

    test('stores story assignments, labels with counts, and follows merges to the older story', () =>
      withStore(async (store) => {
        const runId = await store.beginRun(['stories.jsonl']);
        const articles = [
          makeTestArticle({
            id: 'a1',
            title: 'Dock strike',
            outlet: 'Wire',
            published: '2026-11-02T08:00:00Z',
          }),
          makeTestArticle({
            id: 'a2',
            title: 'Strike goes on',
            outlet: 'Ledger',
            published: '2026-11-03T08:00:00Z',
          }),
          makeTestArticle({
            id: 'b1',
            title: 'Flood warning',
            outlet: 'Wire',
            published: '2026-10-30T08:00:00Z',
          }),
        ];
        await store.saveBatch(runId, articles, [], {
          duplicates: [],
          assignments: [
            assignment('a1', 's1', true),
            assignment('b1', 's2', true),
            assignment('a2', 's3', true),
          ],
          merges: [],
          labels: [label('s1', 'a1'), label('s2', 'b1'), label('s3', 'a2')],
        });
        assert.deepEqual(
          (await store.listStories()).map((story) => story.id),
          ['s3', 's1', 's2'],
          'latest article first',
        );
        await store.saveOrganization({
          duplicates: [],
          assignments: [],
          merges: [{ from: 's3', into: 's1', score: 0.5, why: { terms: ['strike'], entities: [] } }],
          labels: [label('s1', 'a2')],
        });
        assert.equal(await store.countStories(), 2);
        const story = await store.getStory('s3');
        assert.ok(story, 'an absorbed id finds the surviving story');
        assert.equal(story.id, 's1');
        assert.deepEqual(
          story.articles.map((member) => member.id),
          ['a1', 'a2'],
        );
        assert.equal(story.representativeId, 'a2');
        assert.equal(story.articleCount, 2);
        assert.equal(story.sourceCount, 2);
        assert.equal(story.firstPublished, '2026-11-02T08:00:00.000Z');
        assert.equal(story.lastPublished, '2026-11-03T08:00:00.000Z');
        assert.deepEqual(story.aliases, [{ id: 's3', score: 0.5, why: { terms: ['strike'], entities: [] } }]);
        assert.deepEqual(
          await store.getStoriesOfArticles(['a2', 'b1', 'missing']),
          new Map([
            ['a2', 's1'],
            ['b1', 's2'],
          ]),
        );
        assert.deepEqual(await store.getRepresentatives(['s1', 's3']), new Map([['s1', 'a2']]));
        assert.deepEqual(
          (await store.listStories({ sort: 'size' })).map((summary) => [summary.id, summary.articleCount]),
          [
            ['s1', 2],
            ['s2', 1],
          ],
        );
        assert.equal(await store.getStory('s9'), undefined);
      }));

    test('keeps duplicate groups with their representative and counts copies once as a source', () =>
      withStore(async (store) => {
        const runId = await store.beginRun(['wire.jsonl']);
        const original = makeTestArticle({ id: 'w1', outlet: 'Wire', published: '2026-11-10T09:00:00Z' });
        const copy = makeTestArticle({
          id: 'w2',
          outlet: 'Wire',
          paragraphs: ['A syndicated copy.'],
          published: '2026-11-10T18:00:00Z',
        });
        const near = { kind: 'near' as const, matchedId: 'w1', jaccard: 0.86, containment: 0.9 };
        await store.saveBatch(runId, [original, copy], [], {
          duplicates: [
            { articleId: 'w1', groupId: 'w1', representativeId: 'w1' },
            { articleId: 'w2', groupId: 'w1', representativeId: 'w1', match: near },
          ],
          assignments: [
            assignment('w1', 's1', true),
            { ...assignment('w2', 's1', false), via: 'copy', copyOf: 'w1' },
          ],
          merges: [],
          labels: [label('s1', 'w1')],
        });
        const story = await store.getStory('s1');
        assert.ok(story);
        assert.equal(story.copyCount, 1);
        assert.equal(story.sourceCount, 1, 'one outlet');
        assert.deepEqual(story.duplicateGroups, [
          { groupId: 'w1', representativeId: 'w1', members: [{ id: 'w1' }, { id: 'w2', match: near }] },
        ]);
        assert.equal(story.articles[1]?.via, 'copy');
        assert.equal(story.articles[1]?.copyOf, 'w1');
      }));

    test('saves the engine checkpoint with the batch, replays from it, and forgets everything on reset', () =>
      withStore(async (store) => {
        assert.equal(await store.loadCheckpoint(), undefined);
        const runId = await store.beginRun(['x']);
        const first = [
          makeTestArticle({ id: 'p' }),
          makeTestArticle({ id: 'q', paragraphs: ['Other text.'] }),
        ];
        await store.saveBatch(runId, first, [], {
          duplicates: [],
          assignments: [assignment('p', 's1', true)],
          merges: [],
          labels: [label('s1', 'p')],
          checkpoint: { dedupe: '{"d":1}', cluster: '{"c":1}' },
        });
        const checkpoint = await store.loadCheckpoint();
        assert.deepEqual(checkpoint && { dedupe: checkpoint.dedupe, cluster: checkpoint.cluster }, {
          dedupe: '{"d":1}',
          cluster: '{"c":1}',
        });
        assert.ok(checkpoint);
        const after = await store.listArticlesAfter(0, 10);
        assert.deepEqual(
          after.map((entry) => entry.article.id),
          ['p', 'q'],
        );
        assert.equal(checkpoint.throughSeq, after[1]?.seq, 'covers every article stored with it');
        assert.deepEqual(await store.listArticlesAfter(checkpoint.throughSeq, 10), []);
        assert.deepEqual(
          (await store.listArticlesAfter(after[0]?.seq ?? 0, 10)).map((entry) => entry.article),
          [first[1]],
        );
        await store.resetOrganization();
        assert.equal(await store.loadCheckpoint(), undefined);
        assert.equal(await store.countStories(), 0);
        assert.deepEqual(await store.getStoriesOfArticles(['p']), new Map());
        assert.equal(await store.countArticles(), 2, 'articles stay');
      }));
  });
}

function assignment(articleId: string, storyId: string, isNew: boolean): StoryAssignment {
  return {
    articleId,
    storyId,
    score: isNew ? 0 : 0.4,
    isNew,
    via: 'similarity',
    why: { terms: [], entities: [] },
  };
}

function label(storyId: string, representativeId: string): StoryLabel {
  return {
    storyId,
    headline: `headline of ${representativeId}`,
    representativeId,
    keyTerms: ['k'],
    keyEntities: [],
  };
}

function counts(inserted: number, updated: number, unchanged: number, rejected: number) {
  return { inserted, updated, unchanged, rejected };
}

function rejection(item: string): Rejection {
  return { item, reason: 'not an article' };
}

/** Short original texts sharing a few words, so searches can tell phrase from word matches. */
function searchFixtures(): Article[] {
  return [
    makeTestArticle({
      id: 'keeper',
      title: 'Storm season on the coast',
      paragraphs: [
        'The old lighthouse keeper logged every gale and every calm.',
        'Ships waited offshore for days.',
      ],
    }),
    makeTestArticle({
      id: 'bridge',
      title: 'New bridge planned',
      paragraphs: ['Engineers proposed a river crossing south of the town.'],
    }),
    makeTestArticle({
      id: 'ferry',
      title: 'Ferry timetable',
      paragraphs: ['Crossing times change in spring; the river is not navigable at night or in fog.'],
    }),
    makeTestArticle({
      id: 'bakery',
      title: 'Two bakeries merge',
      paragraphs: ['The caf\u00e9 on the square will stay open.'],
    }),
  ];
}
