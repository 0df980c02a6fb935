/**
 * Natural-language extraction benchmark. Each measure is a section; `--section NAME` runs one.
 *
 * entities: named entities on CoNLL-2003 (../shared/data/ner). Each document's text is its tokens
 * joined with single spaces and its sentences with newlines; `recognizeEntities` runs on the whole
 * document text; predicted character spans map back to tokens and are scored against the gold
 * entities (conlleval's IOB1 chunks) by exact span and type: precision, recall and F1 for PER, ORG,
 * LOC and their micro average (MISC, which includes nationalities, is not scored). Speed is
 * sentences per second over the split, the median of `--passes` timed passes after one warm-up
 * pass that also loads the model; text building is not timed. Sentences per CPU second (user +
 * system time of this process) is printed too, as it varies less when other jobs share the cores. eng.testa is the development set;
 * eng.testb is the reported test set, never used for tuning (`--splits testa` while developing).
 *
 * Usage: npm run bench:extract-nlp [-- --section entities --splits testa,testb --passes 3]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { type LabeledDocument, readConll } from '../src/extract/ner/read-conll.ts';
import { type EntityMention, recognizeEntities } from '../src/extract/ner/recognize-entities.ts';
import {
  createEntityTally,
  type EntityTally,
  scoreEntityTally,
  tallyEntitySpans,
} from '../src/extract/ner/score-entity-spans.ts';
import type { EntityLabel, LabeledSpan } from '../src/extract/ner/tag-scheme.ts';
import { sharedPath } from '../test/support/shared-data.ts';

const SCORED_LABELS = ['PER', 'ORG', 'LOC'] as const;
const LABELS: Record<EntityMention['type'], EntityLabel> = {
  person: 'PER',
  org: 'ORG',
  place: 'LOC',
  nationality: 'MISC',
  misc: 'MISC',
};

/** Published and measured reference points (../shared/data/ner/README.md), entity-level F1 on eng.testb. */
const ANCHORS = [
  'compromise 14.17.0 (PER/ORG/LOC, measured)                          48.5',
  'wink-nlp PROPN spans typed by compromise (PER/ORG/LOC, measured)    54.3',
  'Stanford CMM 2003, pure / post-processed (4 types)          85.53 / 86.31',
  'Finkel et al. 2005, CRF + non-local features (4 types)             86.86',
  'Florian et al. 2003, best CoNLL-2003 system (4 types)              88.76',
  'Ratinov & Roth 2009, gazetteers + non-local + clusters (4 types)   90.80',
  'BiLSTM-CRF / BERT-large / ACE+document context (4 types) 90.94 / 92.8 / 94.6',
];

/** A CoNLL document as benchmark text, with each token's character span and the gold entities. */
interface BenchDocument {
  text: string;
  sentences: number;
  tokenStarts: Map<number, number>;
  tokenEnds: Map<number, number>;
  gold: LabeledSpan[];
}

function buildDocuments(documents: LabeledDocument[]): BenchDocument[] {
  return documents.map((document) => {
    const lines: string[] = [];
    const tokenStarts = new Map<number, number>();
    const tokenEnds = new Map<number, number>();
    const gold: LabeledSpan[] = [];
    let offset = 0;
    let tokenIndex = 0;
    for (const sentence of document.sentences) {
      for (const span of sentence.spans)
        gold.push({ start: tokenIndex + span.start, end: tokenIndex + span.end, label: span.label });
      for (const word of sentence.words) {
        tokenStarts.set(offset, tokenIndex);
        tokenEnds.set(offset + word.length, tokenIndex + 1);
        offset += word.length + 1;
        tokenIndex++;
      }
      lines.push(sentence.words.join(' '));
    }
    return { text: lines.join('\n'), sentences: document.sentences.length, tokenStarts, tokenEnds, gold };
  });
}

/** Predicted mentions as token spans; a mention whose edges fall inside a token counts as unaligned (a miss). */
function alignMentions(
  document: BenchDocument,
  mentions: EntityMention[],
): { spans: LabeledSpan[]; unaligned: number } {
  const spans: LabeledSpan[] = [];
  let unaligned = 0;
  for (const mention of mentions) {
    const start = document.tokenStarts.get(mention.start);
    const end = document.tokenEnds.get(mention.end);
    if (start === undefined || end === undefined) unaligned++;
    else spans.push({ start, end, label: LABELS[mention.type] });
  }
  return { spans, unaligned };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function formatRow(name: string, tally: EntityTally, labels: readonly EntityLabel[]): string {
  const score = scoreEntityTally(tally, labels);
  return `${name.padEnd(14)}${score.precision.toFixed(2).padStart(8)}${score.recall.toFixed(2).padStart(8)}${score.f1.toFixed(2).padStart(8)}${String(score.gold).padStart(8)}`;
}

function benchEntities(splits: string[], passes: number): void {
  console.log('## Entities: CoNLL-2003, entity-level exact-span P/R/F1 (recognizeEntities on raw text)\n');
  for (const split of splits) {
    const { path, skip } = sharedPath('data', 'ner', `eng.${split}`);
    if (skip) {
      console.log(`eng.${split}: skipped (${skip})`);
      continue;
    }
    const documents = buildDocuments(readConll(readFileSync(path, 'utf8')));
    const sentences = documents.reduce((sum, document) => sum + document.sentences, 0);
    const loadStart = performance.now();
    recognizeEntities('Warm-up.');
    const loadMs = performance.now() - loadStart;
    const tally = createEntityTally();
    let unaligned = 0;
    let predicted = 0;
    const rates: number[] = [];
    const cpuRates: number[] = [];
    for (let pass = 0; pass <= passes; pass++) {
      const results: EntityMention[][] = [];
      const started = performance.now();
      const cpuStarted = process.cpuUsage();
      for (const document of documents) results.push(recognizeEntities(document.text));
      const seconds = (performance.now() - started) / 1000;
      const cpu = process.cpuUsage(cpuStarted);
      if (pass > 0) {
        rates.push(sentences / seconds);
        cpuRates.push(sentences / ((cpu.user + cpu.system) / 1e6));
        continue;
      }
      for (const [index, document] of documents.entries()) {
        const aligned = alignMentions(document, results[index]!);
        unaligned += aligned.unaligned;
        predicted += results[index]!.length;
        tallyEntitySpans(document.gold, aligned.spans, tally);
      }
    }
    const memory = process.memoryUsage();
    console.log(`eng.${split}: ${documents.length} documents, ${sentences} sentences`);
    console.log(
      `${'type'.padEnd(14)}${'P'.padStart(8)}${'R'.padStart(8)}${'F1'.padStart(8)}${'gold'.padStart(8)}`,
    );
    for (const label of SCORED_LABELS) console.log(formatRow(label, tally, [label]));
    console.log(formatRow('PER/ORG/LOC', tally, SCORED_LABELS));
    console.log(formatRow('(4 types)', tally, ['PER', 'ORG', 'LOC', 'MISC']));
    console.log(
      `speed: ${median(rates).toFixed(0)} sentences/s (median of ${passes}; range ${Math.min(...rates).toFixed(0)}-${Math.max(...rates).toFixed(0)}); ` +
        `${median(cpuRates).toFixed(0)} per CPU second`,
    );
    console.log(
      `unaligned mentions: ${unaligned} of ${predicted}; model load ${loadMs.toFixed(0)} ms (first split only); ` +
        `RSS ${(memory.rss / 2 ** 20).toFixed(0)} MB, heap ${(memory.heapUsed / 2 ** 20).toFixed(0)} MB\n`,
    );
  }
  console.log(
    'anchors, eng.testb F1 (../shared/data/ner/README.md; target >= 85, aim 90; speed >= 5,000 sentences/s):',
  );
  for (const anchor of ANCHORS) console.log(`  ${anchor}`);
}

const SECTIONS: Record<string, (options: { splits: string[]; passes: number }) => void> = {
  entities: ({ splits, passes }) => benchEntities(splits, passes),
};

function main(): void {
  const { values } = parseArgs({
    options: {
      section: { type: 'string', multiple: true },
      splits: { type: 'string', default: 'testa,testb' },
      passes: { type: 'string', default: '3' },
    },
  });
  const options = { splits: values.splits.split(','), passes: Number(values.passes) };
  for (const name of values.section ?? Object.keys(SECTIONS)) {
    const run = SECTIONS[name];
    if (!run) throw new Error(`unknown section ${name}; known: ${Object.keys(SECTIONS).join(', ')}`);
    run(options);
  }
}

main();
