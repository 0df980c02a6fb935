import { decodeViterbi } from './decode-viterbi.ts';
import {
  extractContextFeatures,
  extractLocalFeatures,
  type TaggerDocument,
  type TokenFeatures,
} from './extract-features.ts';
import type { Gazetteer } from './gazetteer.ts';
import { findFeature, type NerModel } from './ner-model.ts';
import { decodeTags, type LabeledSpan, TAG_COUNT } from './tag-scheme.ts';

/**
 * A module-local copy: under tsx every read of an imported binding is a getter call, which in the
 * emission loop below cost 40% of tagging time.
 */
const T = TAG_COUNT;

/**
 * Adds the weights of every token's features to the emission scores: first-pass weights into
 * `first` (when given) and second-pass weights into `second`. Local features feed both passes, so
 * each hash is looked up once.
 */
function addEmissions(
  model: NerModel,
  features: TokenFeatures,
  first: Float64Array | null,
  second: Float64Array,
) {
  const { weights } = model;
  const { offsets, ids } = features;
  const tokens = offsets.length - 1;
  for (let token = 0; token < tokens; token++) {
    const row = token * T;
    const end = offsets[token + 1]!;
    for (let index = offsets[token]!; index < end; index++) {
      const feature = findFeature(model, ids[index]!);
      if (feature < 0) continue;
      const base = feature * 2 * T;
      if (first) for (let tag = 0; tag < T; tag++) first[row + tag]! += weights[base + tag]!;
      for (let tag = 0; tag < T; tag++) second[row + tag]! += weights[base + T + tag]!;
    }
  }
}

/**
 * Tags a document in two passes and returns its entities over document token indices.
 * 1. Local features; first-pass and local second-pass emission scores in one sweep.
 * 2. First pass: Viterbi per sentence with the first-pass weights.
 * 3. Document context features from the first pass's tags; add their second-pass weights.
 * 4. Second pass: Viterbi per sentence; read off the spans.
 */
export function tagDocument(model: NerModel, gazetteer: Gazetteer, doc: TaggerDocument): LabeledSpan[] {
  const count = doc.words.length;
  const first = new Float64Array(count * T);
  const second = new Float64Array(count * T);
  addEmissions(model, extractLocalFeatures(doc, gazetteer), first, second);
  const tags = new Uint8Array(count);
  for (const sentence of doc.sentences)
    decodeViterbi(first, model.transitions[0], sentence.start, sentence.end, tags);
  addEmissions(model, extractContextFeatures(doc, tags), null, second);
  for (const sentence of doc.sentences)
    decodeViterbi(second, model.transitions[1], sentence.start, sentence.end, tags);
  const spans: LabeledSpan[] = [];
  for (const sentence of doc.sentences)
    for (const span of decodeTags(tags.subarray(sentence.start, sentence.end)))
      spans.push({ start: sentence.start + span.start, end: sentence.start + span.end, label: span.label });
  return spans;
}
