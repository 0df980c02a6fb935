// Child process of the crash-safety test: saves numbered batches into a store until it is killed,
// printing each batch number once its transaction has committed.
// Usage: node --import tsx save-until-killed.ts <db path> <articles per batch>
import { makeTestArticle } from '../../test-article.ts';
import { openSqliteStore } from '../sqlite-store.ts';

const [path, perBatch] = process.argv.slice(2);
if (path === undefined || perBatch === undefined) {
  throw new Error('usage: save-until-killed.ts <db path> <articles per batch>');
}
const store = openSqliteStore(path);
const runId = await store.beginRun(['crash-test']);
// Built once and only renamed per batch, so nearly all of the loop's time is spent inside saveBatch
// and the kill most likely lands mid-transaction.
const templates = Array.from({ length: Number(perBatch) }, (_, index) =>
  makeTestArticle({
    title: `Item ${index}`,
    paragraphs: [`Article ${index} of a batch written to be interrupted.`],
  }),
);
for (let batch = 0; ; batch++) {
  const articles = templates.map((article, index) => ({ ...article, id: `batch-${batch}-${index}` }));
  await store.saveBatch(runId, articles, [{ item: `batch-${batch}`, reason: 'one rejection per batch' }]);
  process.stdout.write(`${batch}\n`);
}
