import type { Command } from 'commander';
import type { Article, Field } from '../../model/article.ts';
import { getBodyText, sliceSpan } from '../../model/article-text.ts';
import { type CliContext, CliError, printJson, printLine } from '../cli-context.ts';
import { formatTable, truncate } from '../format-table.ts';
import { withStore } from '../open-store.ts';
import { parseNonNegativeInteger, parsePositiveInteger } from '../parse-options.ts';

export function registerArticlesCommand(
  program: Command,
  context: CliContext,
  getDbPath: () => string,
): void {
  const articles = program.command('articles').description('list and show stored articles');

  articles
    .command('list')
    .description('list articles, newest first')
    .option('--limit <n>', 'how many', parsePositiveInteger, 50)
    .option('--offset <n>', 'skip this many', parseNonNegativeInteger, 0)
    .option('--json', 'print JSON', false)
    .addHelpText(
      'after',
      '\nExamples:\n  $ dossier articles list --limit 20\n  $ dossier articles list --json | jq .[].id',
    )
    .action(async (flags: { limit: number; offset: number; json: boolean }) => {
      await withStore(getDbPath(), async (store) => {
        const rows = await store.listArticles({ limit: flags.limit, offset: flags.offset });
        if (flags.json) return printJson(context, rows);
        const total = await store.countArticles();
        const table = rows.map((row) => [
          row.id,
          row.published?.slice(0, 10) ?? '',
          truncate(row.outlet ?? '', 24),
          truncate(row.title ?? '', 70),
        ]);
        printLine(context, formatTable(['id', 'published', 'outlet', 'title'], table));
        printLine(context, `${rows.length} of ${total} articles`);
      });
    });

  articles
    .command('show')
    .description('show one article: metadata with provenance, body, removed spans and signals')
    .argument('<id>', 'article id (as listed)')
    .option('--json', 'print the stored Article as JSON, original input included', false)
    .addHelpText('after', '\nExamples:\n  $ dossier articles show corpus/harbor-strike-wire.txt')
    .action(async (id: string, flags: { json: boolean }) => {
      await withStore(getDbPath(), async (store) => {
        const article = await store.getArticle(id);
        if (!article)
          throw new CliError(`no article with id ${JSON.stringify(id)} (see: dossier articles list)`);
        if (flags.json) printJson(context, article);
        else printLine(context, formatArticle(article));
      });
    });
}

function describeField(label: string, field: Field | undefined): string[] {
  return field ? [`${label}: ${field.value} (from ${field.origin})`] : [];
}

/** Human-readable article: fields with where each came from, the body, then what was removed and why. */
function formatArticle(article: Article): string {
  const { source, lang } = article;
  const lines = [
    article.title?.value ?? '(untitled)',
    '',
    `id: ${article.id}`,
    ...describeField('outlet', article.outlet),
    ...describeField('byline', article.byline),
    ...describeField('dateline', article.dateline),
    ...describeField('published', article.published),
    ...describeField('modified', article.modified),
    ...describeField('url', article.url),
    `language: ${lang.code} (${lang.origin}${lang.origin === 'detected' ? `, margin ${lang.confidence.toFixed(2)}` : ''})`,
    `source: ${source.kind} ${source.location}${source.locator ? ` ${source.locator}` : ''}, ${source.byteLength} bytes, ${source.charset} (${source.charsetOrigin})`,
    '',
    getBodyText(article),
    '',
    `removed (${article.removed.length}):`,
    ...article.removed.map(
      (span) =>
        `  [${span.reason}] ${span.start}-${span.end} ${JSON.stringify(truncate(sliceSpan(article.text, span), 80))}`,
    ),
  ];
  if (article.signals.length > 0) {
    lines.push(`signals (${article.signals.length}):`);
    for (const signal of article.signals)
      lines.push(
        `  [${signal.kind}] ${signal.start}-${signal.end} ${JSON.stringify(truncate(sliceSpan(article.text, signal), 80))}`,
      );
  }
  return lines.join('\n');
}
