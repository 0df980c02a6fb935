/**
 * Hand-written HTML pages for the extraction tests. The article text is original; it only has to
 * be long enough (Readability wants about 500 characters) and plainly prose.
 */

export const ARTICLE_PARAGRAPHS = [
  'The lending library on Quarry Lane will open on Sundays from next month, the town council decided on Tuesday after a long evening of debate.',
  'Councillors said the extra day would cost less than the old mobile van, which spent most of its hours parked beside the bowling green waiting for readers who rarely came.',
  'Volunteers from the reading circle have offered to staff the front desk, and the head librarian expects the children’s corner to be the busiest part of the building.',
  'A review of the trial is planned for the spring, when the council will look at visitor numbers, loans and the cost of heating the reading room on winter afternoons.',
];

export interface TestPageParts {
  head?: string;
  /** Markup placed inside the article element, after the paragraphs. */
  inArticle?: string;
  /** Markup placed in the body around the article. */
  beforeArticle?: string;
  afterArticle?: string;
}

export function buildTestPage(parts: TestPageParts = {}): string {
  const paragraphs = ARTICLE_PARAGRAPHS.map((text) => `<p>${text}</p>`).join('\n');
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>Library to open on Sundays | Quarry Gazette</title>
${parts.head ?? ''}
</head>
<body>
<nav class="site-nav"><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
${parts.beforeArticle ?? ''}
<article class="story">
<h1>Library to open on Sundays</h1>
${paragraphs}
${parts.inArticle ?? ''}
</article>
${parts.afterArticle ?? ''}
<footer class="site-footer">© Quarry Gazette. All rights reserved.</footer>
</body>
</html>`;
}
