import type { Command } from 'commander';
import type { StoryDetail, StoryMember } from '../../model/story.ts';
import { type CliContext, CliError, printJson, printLine } from '../cli-context.ts';
import { formatTable, truncate } from '../format-table.ts';
import { withStore } from '../open-store.ts';
import { parseNonNegativeInteger, parsePositiveInteger } from '../parse-options.ts';

interface ListFlags {
  limit: number;
  offset: number;
  sort: 'recent' | 'size';
  json: boolean;
}

function parseSort(value: string): 'recent' | 'size' {
  if (value === 'recent' || value === 'size') return value;
  throw new CliError(`--sort must be "recent" or "size", got ${JSON.stringify(value)}`);
}

export function registerStoriesCommand(program: Command, context: CliContext, getDbPath: () => string): void {
  const stories = program
    .command('stories')
    .description('list and show the stories articles were grouped into');

  stories
    .command('list')
    .description('list stories with their headline, size and key terms')
    .option('--limit <n>', 'how many', parsePositiveInteger, 50)
    .option('--offset <n>', 'skip this many', parseNonNegativeInteger, 0)
    .option(
      '--sort <order>',
      'recent (latest article first) or size (most articles first)',
      parseSort,
      'recent',
    )
    .option('--json', 'print JSON', false)
    .addHelpText(
      'after',
      '\nExamples:\n  $ dossier stories list\n  $ dossier stories list --sort size --limit 10\n  $ dossier stories list --json | jq .[].headline',
    )
    .action(async (flags: ListFlags) => {
      await withStore(getDbPath(), async (store) => {
        const rows = await store.listStories({ limit: flags.limit, offset: flags.offset, sort: flags.sort });
        if (flags.json) return printJson(context, rows);
        const total = await store.countStories();
        const table = rows.map((row) => [
          row.id,
          String(row.articleCount),
          String(row.sourceCount),
          row.lastPublished?.slice(0, 10) ?? '',
          truncate(row.headline, 60),
          truncate(row.keyTerms.slice(0, 4).join(', '), 40),
        ]);
        printLine(
          context,
          formatTable(['id', 'articles', 'sources', 'latest', 'headline', 'key terms'], table),
        );
        printLine(context, `${rows.length} of ${total} stories`);
      });
    });

  stories
    .command('show')
    .description('show one story: label, articles with why each joined, merged stories, duplicate groups')
    .argument('<id>', 'story id (as listed), or the id of a story merged into it')
    .option('--json', 'print JSON', false)
    .addHelpText('after', '\nExamples:\n  $ dossier stories show s1\n  $ dossier stories show s1 --json')
    .action(async (id: string, flags: { json: boolean }) => {
      await withStore(getDbPath(), async (store) => {
        const story = await store.getStory(id);
        if (!story) throw new CliError(`no story with id ${JSON.stringify(id)} (see: dossier stories list)`);
        if (flags.json) printJson(context, story);
        else printLine(context, formatStory(story, id));
      });
    });
}

/** Why a member is in the story, in a few words. */
function describeMembership(member: StoryMember): string {
  if (member.via === 'copy') return `copy of ${member.copyOf ?? '?'}`;
  if (member.isNew) return 'opened the story';
  const shared = [...member.why.entities, ...member.why.terms].slice(0, 5).join(', ');
  return `score ${member.score.toFixed(2)}: ${shared}`;
}

function formatStory(story: StoryDetail, askedId: string): string {
  const lines = [
    story.headline,
    '',
    `id: ${story.id}${askedId !== story.id ? ` (${askedId} was merged into it)` : ''}`,
    `articles: ${story.articleCount} from ${story.sourceCount} sources, ${story.copyCount} copies`,
    `published: ${story.firstPublished ?? '?'} … ${story.lastPublished ?? '?'}`,
    `key terms: ${story.keyTerms.join(', ')}`,
    `key names: ${story.keyEntities.join(', ')}`,
    `representative: ${story.representativeId}`,
    '',
    formatTable(
      ['article', 'published', 'outlet', 'title', 'why'],
      story.articles.map((member) => [
        member.id,
        member.published?.slice(0, 10) ?? '',
        truncate(member.outlet ?? '', 20),
        truncate(member.title ?? '', 50),
        truncate(describeMembership(member), 60),
      ]),
    ),
  ];
  if (story.aliases.length > 0) {
    lines.push('', 'merged into this story:');
    for (const alias of story.aliases)
      lines.push(
        `  ${alias.id} (score ${alias.score.toFixed(2)}: ${alias.why.terms.slice(0, 5).join(', ')})`,
      );
  }
  if (story.duplicateGroups.length > 0) {
    lines.push('', 'duplicate groups (count once as a source):');
    for (const group of story.duplicateGroups) {
      const members = group.members.map((member) => {
        const match = member.match;
        if (!match) return member.id;
        return match.kind === 'exact'
          ? `${member.id} (exact copy)`
          : `${member.id} (near copy, Jaccard ${match.jaccard.toFixed(2)})`;
      });
      lines.push(`  representative ${group.representativeId}: ${members.join(', ')}`);
    }
  }
  return lines.join('\n');
}
