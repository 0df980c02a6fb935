import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractContextFeatures, extractLocalFeatures, type TaggerDocument } from './extract-features.ts';
import { parseGazetteer } from './gazetteer.ts';

const gazetteer = parseGazetteer('city\tPort Alder\n');

function featuresOf(features: { offsets: Int32Array; ids: Uint32Array }, token: number): number[] {
  return [...features.ids.subarray(features.offsets[token], features.offsets[token + 1])];
}

test('extractLocalFeatures gives a token in the same context the same features, wherever it is', () => {
  const doc: TaggerDocument = {
    words: ['Rain', 'hit', 'Port', 'Alder', '.', 'Rain', 'hit', 'Port', 'Alder', '.'],
    sentences: [
      { start: 0, end: 5 },
      { start: 5, end: 10 },
    ],
  };
  const features = extractLocalFeatures(doc, gazetteer);
  assert.deepEqual(featuresOf(features, 2), featuresOf(features, 7));
  assert.notDeepEqual(featuresOf(features, 2), featuresOf(features, 3));
});

test('extractLocalFeatures uses gazetteer matches and headline case', () => {
  const body: TaggerDocument = { words: ['Near', 'Port', 'Alder'], sentences: [{ start: 0, end: 3 }] };
  const unknown: TaggerDocument = { words: ['Near', 'Port', 'Elder'], sentences: [{ start: 0, end: 3 }] };
  const inBody = featuresOf(extractLocalFeatures(body, gazetteer), 1);
  const inUnknown = featuresOf(extractLocalFeatures(unknown, gazetteer), 1);
  assert.equal(inBody.length, inUnknown.length + 2, 'the match itself and the match of the next word');
  const headline: TaggerDocument = { words: ['NEAR', 'PORT', 'ALDER'], sentences: [{ start: 0, end: 3 }] };
  const inHeadline = featuresOf(extractLocalFeatures(headline, gazetteer), 1);
  assert.equal(inHeadline.length, inBody.length + 2, 'headline shape and word conjunctions');
});

test('extractContextFeatures tells a capitalised token what the first pass made of its other mentions', () => {
  const doc: TaggerDocument = {
    words: ['Osk', 'Varga', 'spoke', '.', 'Varga', 'left', '.'],
    sentences: [
      { start: 0, end: 4 },
      { start: 4, end: 7 },
    ],
  };
  const alone = extractContextFeatures(doc, new Uint8Array(7));
  const tagged = extractContextFeatures(doc, Uint8Array.from([1, 3, 0, 0, 0, 0, 0])); // B-PER E-PER ...
  // "Varga" in the second sentence: other mention tagged PER adds "any PER", and the majority changes.
  assert.equal(featuresOf(tagged, 4).length, featuresOf(alone, 4).length + 1);
  assert.notDeepEqual(featuresOf(tagged, 4), featuresOf(alone, 4));
  // Lower-case words get only the first-pass tag features.
  assert.equal(featuresOf(alone, 5).length, 3);
});
