import { ARTICLE_SCHEMA_VERSION, type Article } from '../model/article.ts';

/**
 * Compact JSON of an article for storage. For plain-text input `text` is `original.content` itself,
 * so it is left out and restored on read: a text article is then stored once, not twice.
 */
export function serializeArticle(article: Article): string {
  if (article.text !== article.original.content) return JSON.stringify(article);
  const { text: _sameAsOriginal, ...rest } = article;
  return JSON.stringify(rest);
}

/** Reads what `serializeArticle` wrote; `id` names the article in errors. */
export function parseStoredArticle(json: string, id: string): Article {
  let parsed: Omit<Article, 'text'> & { text?: string };
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    throw new Error(`article ${id}: stored JSON is unreadable (${(error as Error).message})`);
  }
  if (parsed.schemaVersion !== ARTICLE_SCHEMA_VERSION) {
    throw new Error(
      `article ${id}: stored with schemaVersion ${String(parsed.schemaVersion)}, but this Dossier reads version ${ARTICLE_SCHEMA_VERSION}`,
    );
  }
  return { ...parsed, text: parsed.text ?? parsed.original.content };
}
