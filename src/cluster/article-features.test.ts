import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractFeatures } from './article-features.ts';

const OPTIONS = { titleWeight: 2, bodyChars: 60 };

test('extractFeatures weights title terms, reads only the lead and parses the date', () => {
  const features = extractFeatures(
    {
      id: 'f1',
      title: 'Ferry strike spreads',
      text: 'The ferry strike reached Port Aldery on Monday. Much later paragraphs mention glaciers at length.',
      date: '2024-05-07T09:30:00Z',
    },
    OPTIONS,
  );
  // "ferry": twice from the title, once from the body → 1 + ln 3.
  assert.ok(Math.abs((features.terms.get('ferry') ?? 0) - (1 + Math.log(3))) < 1e-12);
  assert.equal(features.terms.get('reach'), 1);
  assert.equal(features.terms.has('glacier'), false);
  assert.equal(features.entities.get('port aldery'), 1);
  assert.equal(features.time, Date.parse('2024-05-07T09:30:00Z'));
  // Written forms, for labels: the first one met.
  assert.equal(features.termForms.get('reach'), 'reached');
  assert.equal(features.entityForms.get('port aldery'), 'Port Aldery');
  // Plain data: a structured clone (as from a worker thread) keeps every field.
  assert.deepEqual(structuredClone(features), features);
});

test('extractFeatures takes names from a sentence-case title but not from a title-cased one', () => {
  const body = { id: 'f2', text: 'Crews worked overnight.', date: null };
  const sentenceCase = extractFeatures(
    { ...body, title: 'Storm closes coastal roads around Port Aldery' },
    OPTIONS,
  );
  assert.equal(sentenceCase.entities.get('port aldery'), 1);
  const titleCase = extractFeatures({ ...body, title: 'Storm Closes Roads Around Port Aldery' }, OPTIONS);
  assert.equal(titleCase.entities.size, 0);
  assert.equal(titleCase.time, null);
});
