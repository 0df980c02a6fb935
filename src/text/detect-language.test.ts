import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectLanguage } from './detect-language.ts';

test('detects English prose and reports the ISO 639-1 code', () => {
  const guess = detectLanguage(
    'The harbour authority said on Tuesday that the container terminal would reopen after the strike, ' +
      'but dockworkers warned that talks over night-shift pay had not yet produced an agreement.',
  );
  assert.equal(guess.code, 'en');
  assert.ok(guess.confidence > 0);
});

test('detects German and Spanish prose', () => {
  assert.equal(
    detectLanguage(
      'Die Hafenbehörde teilte am Dienstag mit, dass das Containerterminal nach dem Streik wieder öffnen werde, ' +
        'doch die Hafenarbeiter warnten, dass die Gespräche über die Bezahlung noch keine Einigung gebracht hätten.',
    ).code,
    'de',
  );
  assert.equal(
    detectLanguage(
      'La autoridad portuaria dijo el martes que la terminal de contenedores volvería a abrir después de la huelga, ' +
        'pero los estibadores advirtieron que las conversaciones sobre el salario todavía no habían dado resultado.',
    ).code,
    'es',
  );
});

test('returns und for text too short to judge', () => {
  assert.deepEqual(detectLanguage('Breaking: 42'), { code: 'und', confidence: 0 });
});
