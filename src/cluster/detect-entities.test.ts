import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectEntities, isTitleCased } from './detect-entities.ts';

test('detectEntities finds capitalised names with their words, without titles or sentence openers', () => {
  const entities = detectEntities(
    'Residents of Port Aldery met on Tuesday. Mayor Ines Valcourt said the Bank of Aldery would fund repairs. ' +
      'Crews thanked Valcourt after she spoke for an hour. Repairs begin soon.',
  );
  assert.equal(entities.get('port aldery'), 1);
  assert.equal(entities.get('ines valcourt'), 1);
  assert.equal(entities.get('valcourt'), 2);
  assert.equal(entities.get('bank of aldery'), 1);
  assert.equal(entities.has('mayor ines valcourt'), false);
  assert.equal(entities.has('resident'), false);
  assert.equal(entities.has('crew'), false);
  assert.equal(entities.has('repair'), false);
});

test('detectEntities records the first written form of each name', () => {
  const forms = new Map<string, string>();
  detectEntities("Crews thanked Ines Valcourt's team. Valcourt spoke.", forms);
  assert.equal(forms.get('ines valcourt'), 'Ines Valcourt');
  assert.equal(forms.get('valcourt'), 'Valcourt');
});

test('detectEntities splits names at punctuation and keeps a sentence-initial name written only capitalised', () => {
  const entities = detectEntities('Ines Valcourt thanked Oskar Brandt, Lena Moor and the crew.');
  assert.equal(entities.get('ines valcourt'), 1);
  assert.equal(entities.get('oskar brandt'), 1);
  assert.equal(entities.get('lena moor'), 1);
});

test('isTitleCased tells headline capitals from sentence case', () => {
  assert.equal(isTitleCased('Harbour Strike Halts Ferry Service Across Region'), true);
  assert.equal(isTitleCased('Harbour strike halts ferry service in Port Aldery'), false);
});
