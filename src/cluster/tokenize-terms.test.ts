import assert from 'node:assert/strict';
import { test } from 'node:test';
import { foldTerm, scanTerms, type TermForm, tokenizeTerms } from './tokenize-terms.ts';

test('tokenizeTerms drops stopwords, bare numbers and possessives, and splits hyphens', () => {
  assert.deepEqual(tokenizeTerms("The council's 12 members voted on the harbour-dredging plan"), [
    'council',
    'member',
    'voted',
    'harbour',
    'dredg',
    'plan',
  ]);
});

test('scanTerms gives each term with the word it came from', () => {
  const terms: TermForm[] = [];
  scanTerms("The Council's ferries stopped", (term) => terms.push(term));
  assert.deepEqual(terms, [
    { term: 'council', form: 'council' },
    { term: 'ferry', form: 'ferries' },
    { term: 'stop', form: 'stopped' },
  ]);
});

test('foldTerm folds inflected forms of one word together', () => {
  assert.equal(foldTerm('ferries'), foldTerm('ferry'));
  assert.equal(foldTerm('dredged'), foldTerm('dredging'));
  assert.equal(foldTerm('dredge'), foldTerm('dredging'));
  assert.equal(foldTerm('stopped'), 'stop');
  assert.equal(foldTerm('appointment'), foldTerm('appoint'));
});

test('foldTerm leaves short words and -ss/-us endings alone', () => {
  assert.equal(foldTerm('thing'), 'thing');
  assert.equal(foldTerm('press'), 'press');
  assert.equal(foldTerm('census'), 'census');
  assert.equal(foldTerm('mill'), 'mill');
  // Known limit: a stem under four letters is not stripped, so "voted" stays apart from "vote".
  assert.equal(foldTerm('voted'), 'voted');
});
