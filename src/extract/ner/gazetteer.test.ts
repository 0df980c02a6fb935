import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GAZETTEER_KINDS, MATCH_POSITIONS, matchGazetteer, parseGazetteer } from './gazetteer.ts';

test('matchGazetteer marks the longest capitalised match of each kind with BILU positions', () => {
  const gazetteer = parseGazetteer(
    'city\tPort Alder\ncity\tPort Alder Bay\ncountry\tVelmora\nfirst-name\tMay\n',
  );
  const lowerWords = ['may', 'port', 'alder', 'bay', 'and', 'velmora', 'may'];
  const capitalized = Uint8Array.from([0, 1, 1, 1, 0, 1, 1]);
  const masks = new Uint32Array(lowerWords.length);
  matchGazetteer(gazetteer, lowerWords, capitalized, 0, lowerWords.length, masks);
  const bit = (kind: string, position: number) =>
    1 << (GAZETTEER_KINDS.indexOf(kind as never) * MATCH_POSITIONS + position);
  assert.equal(masks[0], 0, 'a lower-case word never starts a match');
  assert.deepEqual([masks[1], masks[2], masks[3]], [bit('city', 0), bit('city', 1), bit('city', 2)]);
  assert.equal(masks[5], bit('country', 3));
  assert.equal(masks[6], bit('first-name', 3));
});
