import type { TokenRange } from '../group-sentences.ts';
import { GAZETTEER_KINDS, type Gazetteer, MATCH_POSITIONS, matchGazetteer } from './gazetteer.ts';
import { hashString, mixHash } from './hash-feature.ts';
import { ENTITY_LABELS, TAG_COUNT, tagLabelIndex } from './tag-scheme.ts';
import { describeWordShape } from './word-shape.ts';

/** A document as the tagger sees it: normalized tokens (see `normalizeWord`) grouped into sentences. */
export interface TaggerDocument {
  words: readonly string[];
  sentences: readonly TokenRange[];
}

/** Feature hashes of every token: token i has `ids[offsets[i] .. offsets[i + 1])`. */
export interface TokenFeatures {
  offsets: Int32Array;
  ids: Uint32Array;
}

/** Feature templates; the number seeds the hash, so renumbering one changes the model. */
const Template = {
  Bias: 1,
  Word: 2,
  Lower: 3,
  LowerPrevious: 4,
  LowerNext: 5,
  LowerPrevious2: 6,
  LowerNext2: 7,
  LowerBigramPrevious: 8,
  LowerBigramNext: 9,
  Shape: 10,
  ShapePrevious: 11,
  ShapeNext: 12,
  ShapeTrigram: 13,
  ShapeBigramPrevious: 14,
  ShapeBigramNext: 15,
  Prefix: 16,
  Suffix: 17,
  InitialShape: 18,
  CapsSentenceShape: 19,
  CapsSentenceLower: 20,
  DocumentCase: 21,
  Gazetteer: 22,
  GazetteerPrevious: 23,
  GazetteerNext: 24,
  LowerPreviousShape: 25,
  ShapeLowerNext: 26,
  SentenceShape: 27,
  FirstPassTag: 101,
  FirstPassTagPrevious: 102,
  FirstPassTagNext: 103,
  DocumentMajority: 104,
  DocumentAny: 105,
} as const;
type TemplateId = (typeof Template)[keyof typeof Template];

/** Module-local copies: under tsx every read of an imported binding is a getter call (see tag-document.ts). */
const KIND_COUNT = GAZETTEER_KINDS.length;
const POSITIONS = MATCH_POSITIONS;

/** Prefixes and suffixes up to this length; 4 is the usual choice in CoNLL taggers (Stanford, R&R). */
const AFFIX_LENGTH = 4;
const UPPER = /^\p{Lu}/u;
const LOWER = /\p{Ll}/u;
const LETTER = /\p{L}/u;
/**
 * Sentences up to this many tokens get their whole shape sequence as a feature, with the token's
 * position: rows of results tables ("Ajax 2 PSV 1") are short, and their layout says which
 * column holds teams.
 */
const SHORT_SENTENCE = 8;

/** Collects one token's features, growing the buffer as needed. */
class FeatureBuffer {
  ids: Uint32Array;
  length = 0;

  /** `expected`: a good guess of the total avoids regrowing (about 30 local features a token). */
  constructor(expected: number) {
    this.ids = new Uint32Array(Math.max(16, expected));
  }

  add(id: number): void {
    if (this.length === this.ids.length) {
      const grown = new Uint32Array(this.ids.length * 2);
      grown.set(this.ids);
      this.ids = grown;
    }
    this.ids[this.length++] = id;
  }

  finish(offsets: Int32Array): TokenFeatures {
    return { offsets, ids: this.ids.slice(0, this.length) };
  }
}

/** How a token is written: 0 no letters, 1 lower case, 2 capitalised, 3 all capitals. */
function describeCase(word: string): number {
  if (!LETTER.test(word)) return 0;
  if (!UPPER.test(word)) return 1;
  return LOWER.test(word) ? 2 : 3;
}

/**
 * Whether each sentence is a headline in capitals (CoNLL-2003 has one atop most stories): no
 * lower-case letter and at least two words with letters, so "U.S." alone is not one.
 */
function findCapsSentences(doc: TaggerDocument): Uint8Array {
  const caps = new Uint8Array(doc.sentences.length);
  for (const [index, sentence] of doc.sentences.entries()) {
    let lettered = 0;
    let lower = false;
    for (let token = sentence.start; token < sentence.end && !lower; token++) {
      const word = doc.words[token]!;
      if (LOWER.test(word)) lower = true;
      else if (LETTER.test(word)) lettered++;
    }
    caps[index] = !lower && lettered >= 2 ? 1 : 0;
  }
  return caps;
}

/**
 * In-document evidence about each word's case outside headlines and sentence starts: bit 1 when it
 * appears in lower case, bit 2 when it appears capitalised. "Lucky" seen as "lucky" elsewhere is
 * no name; "JAPAN" in a headline seen as "Japan" in the body is one.
 */
function collectDocumentCase(
  doc: TaggerDocument,
  lowerWords: string[],
  caps: Uint8Array,
): Map<string, number> {
  const seen = new Map<string, number>();
  for (const [index, sentence] of doc.sentences.entries()) {
    if (caps[index]) continue;
    for (let token = sentence.start + 1; token < sentence.end; token++) {
      const kind = describeCase(doc.words[token]!);
      if (kind === 0) continue;
      const key = lowerWords[token]!;
      seen.set(key, (seen.get(key) ?? 0) | (kind === 1 ? 1 : 2));
    }
  }
  return seen;
}

/**
 * Local and in-document features of every token, for the first pass.
 * 1. Per token: hashes of the word, its lower case and its shape, its case, gazetteer matches.
 * 2. Per document: which sentences are capital-letter headlines, and how each word is written in
 *    the body (`collectDocumentCase`).
 * 3. Per token, the templates: word, lower case, shape and affixes; neighbours ±2 and bigrams;
 *    the shape of a short sentence with the token's position; sentence-initial and headline
 *    conjunctions; document case; gazetteer matches of the token and its neighbours.
 */
export function extractLocalFeatures(doc: TaggerDocument, gazetteer: Gazetteer): TokenFeatures {
  const count = doc.words.length;
  const lowerWords = doc.words.map((word) => word.toLowerCase());
  const wordHash = new Uint32Array(count);
  const lowerHash = new Uint32Array(count);
  const shapeHash = new Uint32Array(count);
  const capitalized = new Uint8Array(count);
  for (let token = 0; token < count; token++) {
    const word = doc.words[token]!;
    wordHash[token] = hashString(word);
    lowerHash[token] = hashString(lowerWords[token]!);
    shapeHash[token] = hashString(describeWordShape(word));
    capitalized[token] = UPPER.test(word) ? 1 : 0;
  }
  const gazetteerMasks = new Uint32Array(count);
  for (const sentence of doc.sentences)
    matchGazetteer(gazetteer, lowerWords, capitalized, sentence.start, sentence.end, gazetteerMasks);
  const caps = findCapsSentences(doc);
  const documentCase = collectDocumentCase(doc, lowerWords, caps);

  const offsets = new Int32Array(count + 1);
  const out = new FeatureBuffer(count * 34);
  /** Hash of a neighbour, or a boundary marker outside the sentence. */
  const at = (hashes: Uint32Array, token: number, sentence: TokenRange, boundary: number) =>
    token < sentence.start || token >= sentence.end ? boundary : hashes[token]!;
  for (const [sentenceIndex, sentence] of doc.sentences.entries()) {
    const inCaps = caps[sentenceIndex]!;
    let sentenceShape = 0;
    if (sentence.end - sentence.start <= SHORT_SENTENCE)
      for (let token = sentence.start; token < sentence.end; token++)
        sentenceShape = mixHash(sentenceShape, shapeHash[token]!);
    for (let token = sentence.start; token < sentence.end; token++) {
      offsets[token] = out.length;
      const word = doc.words[token]!;
      const lower = lowerWords[token]!;
      const shape = shapeHash[token]!;
      const lowerPrevious = at(lowerHash, token - 1, sentence, 1);
      const lowerNext = at(lowerHash, token + 1, sentence, 2);
      const shapePrevious = at(shapeHash, token - 1, sentence, 1);
      const shapeNext = at(shapeHash, token + 1, sentence, 2);
      out.add(mixHash(Template.Bias, 0));
      out.add(mixHash(Template.Word, wordHash[token]!));
      out.add(mixHash(Template.Lower, lowerHash[token]!));
      out.add(mixHash(Template.LowerPrevious, lowerPrevious));
      out.add(mixHash(Template.LowerNext, lowerNext));
      out.add(mixHash(Template.LowerPrevious2, at(lowerHash, token - 2, sentence, 1)));
      out.add(mixHash(Template.LowerNext2, at(lowerHash, token + 2, sentence, 2)));
      out.add(mixHash(mixHash(Template.LowerBigramPrevious, lowerPrevious), lowerHash[token]!));
      out.add(mixHash(mixHash(Template.LowerBigramNext, lowerHash[token]!), lowerNext));
      out.add(mixHash(Template.Shape, shape));
      out.add(mixHash(Template.ShapePrevious, shapePrevious));
      out.add(mixHash(Template.ShapeNext, shapeNext));
      out.add(mixHash(mixHash(mixHash(Template.ShapeTrigram, shapePrevious), shape), shapeNext));
      out.add(mixHash(mixHash(Template.ShapeBigramPrevious, shapePrevious), shape));
      out.add(mixHash(mixHash(Template.ShapeBigramNext, shape), shapeNext));
      out.add(mixHash(mixHash(Template.LowerPreviousShape, lowerPrevious), shape));
      out.add(mixHash(mixHash(Template.ShapeLowerNext, shape), lowerNext));
      for (let length = 1; length <= AFFIX_LENGTH && length < lower.length; length++) {
        out.add(mixHash(Template.Prefix, hashString(lower.slice(0, length))));
        out.add(mixHash(Template.Suffix, hashString(lower.slice(-length))));
      }
      if (sentenceShape !== 0)
        out.add(mixHash(mixHash(Template.SentenceShape, sentenceShape), token - sentence.start));
      const initial = token === sentence.start ? 1 : 0;
      out.add(mixHash(mixHash(Template.InitialShape, initial), shape));
      if (inCaps) {
        out.add(mixHash(Template.CapsSentenceShape, shape));
        out.add(mixHash(Template.CapsSentenceLower, lowerHash[token]!));
      }
      const kind = describeCase(word);
      if (kind >= 2) {
        const seen = documentCase.get(lower) ?? 0;
        out.add(mixHash(Template.DocumentCase, ((seen * 4 + kind) * 2 + initial) * 2 + inCaps));
      }
      const mask = gazetteerMasks[token]!;
      for (let bit = 0; bit < KIND_COUNT * POSITIONS; bit++)
        if (mask & (1 << bit)) out.add(mixHash(Template.Gazetteer, bit));
      addNeighbourKinds(
        out,
        Template.GazetteerPrevious,
        token > sentence.start ? gazetteerMasks[token - 1]! : 0,
      );
      addNeighbourKinds(
        out,
        Template.GazetteerNext,
        token + 1 < sentence.end ? gazetteerMasks[token + 1]! : 0,
      );
    }
  }
  offsets[count] = out.length;
  return out.finish(offsets);
}

/** One feature per gazetteer kind matching a neighbour, whatever its position in the match. */
function addNeighbourKinds(out: FeatureBuffer, template: TemplateId, mask: number): void {
  for (let kind = 0; kind < KIND_COUNT; kind++)
    if ((mask >>> (kind * POSITIONS)) & 0xf) out.add(mixHash(template, kind));
}

/**
 * Second-pass features from the first pass's tags over the whole document, after Ratinov & Roth
 * (2009): a name tagged PER in one sentence is likely PER in the next, where context is weaker.
 * 1. Count, for each capitalised word (case-folded), the entity type (or none) the first pass gave
 *    each of its occurrences.
 * 2. Per capitalised token: the majority type and every type among its *other* occurrences.
 * 3. Per token: the first pass's own tag and its neighbours' tags.
 */
export function extractContextFeatures(doc: TaggerDocument, firstPass: Uint8Array): TokenFeatures {
  const count = doc.words.length;
  const labels = ENTITY_LABELS.length + 1;
  const keys: (string | undefined)[] = new Array(count);
  const counts = new Map<string, Int32Array>();
  for (let token = 0; token < count; token++) {
    const word = doc.words[token]!;
    if (!UPPER.test(word)) continue;
    const key = word.toLowerCase();
    keys[token] = key;
    let tally = counts.get(key);
    if (!tally) {
      tally = new Int32Array(labels);
      counts.set(key, tally);
    }
    tally[tagLabelIndex(firstPass[token]!) + 1]!++;
  }
  const offsets = new Int32Array(count + 1);
  const out = new FeatureBuffer(count * 5);
  for (const sentence of doc.sentences) {
    for (let token = sentence.start; token < sentence.end; token++) {
      offsets[token] = out.length;
      const previous = token > sentence.start ? firstPass[token - 1]! : TAG_COUNT;
      const next = token + 1 < sentence.end ? firstPass[token + 1]! : TAG_COUNT;
      out.add(mixHash(Template.FirstPassTag, firstPass[token]!));
      out.add(mixHash(Template.FirstPassTagPrevious, previous));
      out.add(mixHash(Template.FirstPassTagNext, next));

      const key = keys[token];
      if (key === undefined) continue;
      const tally = counts.get(key)!;
      const own = tagLabelIndex(firstPass[token]!) + 1;
      let majority = -1;
      let best = 0;
      for (let label = 0; label < labels; label++) {
        const others = tally[label]! - (label === own ? 1 : 0);
        if (others > best) {
          best = others;
          majority = label;
        }
        if (others > 0 && label > 0) out.add(mixHash(Template.DocumentAny, label));
      }
      if (majority >= 0) out.add(mixHash(Template.DocumentMajority, majority));
    }
  }
  offsets[count] = out.length;
  return out.finish(offsets);
}
