import assert from 'node:assert/strict';
import { test } from 'node:test';
import { computeDedupeFeatures, type DedupeItem, DuplicateDetector } from './duplicate-detector.ts';
import { decodeUint16s } from './uint16-base64.ts';

/** An original fictional report (about 280 words), written for these tests. */
const ORIGINAL = [
  'Harbour board backs Wexley Point ferry terminal',
  'The Calder Bay harbour board voted 7 to 2 on Thursday evening to build a passenger ferry terminal at Wexley Point, ending four years of argument over where the island service should dock once the old pier closes next spring.',
  'The terminal will cost about 38 million crowns, according to figures presented at the meeting, with two thirds of the money coming from the regional transport fund and the rest from a levy on berth fees. Construction is due to start in March and take roughly eighteen months.',
  'Board chair Imogen Tarrant said the decision gave island residents certainty at last. "People on Skerra have been asking us for a date for years, and tonight we can finally give them one," she told the packed council chamber.',
  "Opponents, led by the Wexley Point Residents' Association, had argued that the site would bring heavy traffic onto the narrow coast road and damage the salt marsh north of the headland. The association's secretary, Malcolm Orrey, said members would study the planning conditions before deciding whether to seek a judicial review.",
  'The board said it would fund a new access road from the ring road roundabout and a 200-metre boardwalk around the marsh, and that ferry timetables would be published before work begins. The existing pier at Calder Quay will remain in use until the new terminal opens.',
].join('\n\n');

/** A syndicated copy: another site's boilerplate already cleaned away, one headline word and one number edited. */
const SYNDICATED = ORIGINAL.replace('ferry terminal\n', 'ferry plan\n').replace('38 million', '39 million');

/** The same event reported independently by another outlet, in its own words. */
const OTHER_OUTLET = [
  'Wexley Point chosen for Skerra ferry terminal',
  'Wexley Point will get the new Skerra ferry terminal after harbour officials approved the plan at a Thursday meeting by seven votes to two.',
  'The project, budgeted at 38 million crowns, will be paid for mostly through the regional transport fund, with berth-fee income covering the remainder. Work is expected to begin in March.',
  '“Tonight we can finally give them a date,” said Imogen Tarrant, who chairs the board, referring to islanders who have waited years for a decision.',
  "Residents near the headland remain unhappy. Malcolm Orrey of the local residents' association warned of lorries on the coast road and harm to the salt marsh, and did not rule out a legal challenge.",
  'A new access road and a boardwalk skirting the marsh are part of the approved scheme. Ferries will keep using Calder Quay until the terminal is finished.',
].join('\n\n');

/** Original local reporting around the same event, for a roundup that reprints the wire story whole. */
const LOCAL = [
  'Shopkeepers on Wexley Point high street gave the decision a cautious welcome on Friday, saying the terminal could bring day visitors to a strip that has lost its bank, its post office and two of its three cafes since 2019.',
  'Agnes Pryor, who has run the hardware shop opposite the chapel for thirty-one years, said she had written to the board twice asking for a shuttle bus from the terminal to the village centre. "If the passengers never come up the hill, it will be lorries for us and takings for somebody else," she said.',
  'Parents at Wexley Point primary school have started a petition for a crossing patrol on the coast road during construction, and the parish council will discuss the petition at its meeting on the first Monday of next month.',
].join('\n\n');

function addAll(detector: DuplicateDetector, items: DedupeItem[]) {
  return items.map((item) => detector.add(item));
}

test('an identical body (up to case, quotes and layout) is an exact duplicate', () => {
  const detector = new DuplicateDetector();
  detector.add({ id: 'a', body: ORIGINAL });
  const decision = detector.add({ id: 'b', body: ORIGINAL.toUpperCase().replaceAll('"', '“') });
  assert.deepEqual(decision, {
    id: 'b',
    match: { kind: 'exact', matchedId: 'a' },
    groupId: 'a',
    representativeId: 'a',
  });
});

test('a syndicated copy with a changed number and headline word is a near duplicate', () => {
  assert.ok(SYNDICATED.includes('ferry plan\n') && SYNDICATED.includes('39 million'));
  const detector = new DuplicateDetector();
  detector.add({ id: 'wire', body: ORIGINAL });
  const decision = detector.add({ id: 'copy', body: SYNDICATED });
  assert.equal(decision.match?.kind, 'near');
  assert.equal(decision.match?.matchedId, 'wire');
  assert.ok(decision.match?.kind === 'near' && decision.match.jaccard > 0.9, JSON.stringify(decision.match));
  assert.equal(decision.representativeId, 'wire');
});

test('the same event in different words from another outlet is not a duplicate', () => {
  const detector = new DuplicateDetector();
  detector.add({ id: 'wire', body: ORIGINAL });
  const decision = detector.add({ id: 'other', body: OTHER_OUTLET });
  assert.deepEqual(decision, { id: 'other', groupId: 'other', representativeId: 'other' });
});

test('a copy that drops a paragraph still matches', () => {
  const detector = new DuplicateDetector();
  detector.add({ id: 'wire', body: ORIGINAL });
  const shortened = ORIGINAL.split('\n\n').slice(0, 4).join('\n\n');
  assert.equal(detector.add({ id: 'short', body: shortened }).match?.matchedId, 'wire');
});

test('a roundup reprinting the whole story inside more new text matches by containment', () => {
  const detector = new DuplicateDetector();
  detector.add({ id: 'wire', body: ORIGINAL });
  const decision = detector.add({ id: 'roundup', body: [LOCAL, ORIGINAL, OTHER_OUTLET].join('\n\n') });
  assert.equal(decision.match?.matchedId, 'wire');
  assert.ok(
    decision.match?.kind === 'near' && decision.match.jaccard < 0.5 && decision.match.containment === 1,
  );
});

test('the representative is the earliest published, comparing instants across UTC offsets', () => {
  const detector = new DuplicateDetector();
  addAll(detector, [
    { id: 'late', body: ORIGINAL, published: '2025-03-13T12:20:00+01:00' },
    { id: 'undated', body: SYNDICATED },
  ]);
  // 11:30Z is later than 12:20+01:00 (11:20Z) although it sorts first as a string.
  const decision = detector.add({ id: 'later', body: SYNDICATED, published: '2025-03-13T11:30:00Z' });
  assert.equal(decision.representativeId, 'late');
  assert.equal(
    detector.add({ id: 'earliest', body: ORIGINAL, published: '2025-03-12' }).representativeId,
    'earliest',
  );
  assert.deepEqual(detector.listGroups(), [
    { groupId: 'late', representativeId: 'earliest', memberIds: ['late', 'undated', 'later', 'earliest'] },
  ]);
  assert.equal(detector.getRepresentative('undated'), 'earliest');
});

test('without dates, or on a tie, the first added stays representative; a dated copy beats undated ones', () => {
  const undated = new DuplicateDetector();
  addAll(undated, [
    { id: 'first', body: ORIGINAL },
    { id: 'second', body: SYNDICATED },
  ]);
  assert.equal(undated.getRepresentative('second'), 'first');
  const dated = undated.add({ id: 'dated', body: SYNDICATED, published: '2025-01-01T00:00:00Z' });
  assert.equal(dated.representativeId, 'dated');
  const tie = undated.add({ id: 'tie', body: ORIGINAL, published: '2025-01-01T01:00:00+01:00' });
  assert.equal(tie.representativeId, 'dated');
});

test('very short bodies match only when their words are identical; bodies without words never match', () => {
  const detector = new DuplicateDetector();
  const decisions = addAll(detector, [
    { id: 'a', body: 'Ferry delayed.' },
    { id: 'b', body: 'Ferry cancelled.' },
    { id: 'c', body: 'FERRY DELAYED!' },
    { id: 'd', body: ' — · — ' },
    { id: 'e', body: ' — · — ' },
  ]);
  assert.deepEqual(
    decisions.map((decision) => decision.match?.matchedId),
    [undefined, undefined, 'a', undefined, undefined],
  );
});

test('bad input gets a one-line error naming the item, and leaves the detector unchanged', () => {
  const detector = new DuplicateDetector();
  detector.add({ id: 'a', body: ORIGINAL });
  assert.throws(() => detector.add({ id: 'a', body: OTHER_OUTLET }), /item "a" was already added/);
  assert.throws(
    () => detector.add({ id: 'b', body: SYNDICATED, published: 'last Tuesday' }),
    /item "b" has an unreadable published date "last Tuesday"/,
  );
  assert.equal(detector.size, 1);
  assert.equal(detector.add({ id: 'b', body: SYNDICATED }).match?.matchedId, 'a');
});

test('decisions are deterministic, and the state survives a JSON round trip', () => {
  const items: DedupeItem[] = [
    { id: 'wire', body: ORIGINAL, published: '2025-03-13T10:00:00Z' },
    { id: 'other', body: OTHER_OUTLET },
  ];
  const first = new DuplicateDetector();
  const second = new DuplicateDetector();
  assert.deepEqual(addAll(first, items), addAll(second, items));
  const restored = DuplicateDetector.fromState(JSON.parse(JSON.stringify(first.toState())));
  const next: DedupeItem = { id: 'copy', body: SYNDICATED, published: '2025-03-13T09:00:00Z' };
  const expected = first.add(next);
  assert.deepEqual(restored.add(next), expected);
  assert.equal(expected.representativeId, 'copy');
  assert.deepEqual(restored.listGroups(), first.listGroups());
});

/** A body of 120 made-up words, different for every seed (a linear congruential sequence). */
function makeBody(seed: number): string {
  let state = seed * 2654435761;
  const words: string[] = [];
  for (let index = 0; index < 120; index++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    words.push(`w${(state >>> 8) % 5000}`);
  }
  return words.join(' ');
}

/** `body` with its tenth word replaced: a near copy. */
function editBody(body: string): string {
  const words = body.split(' ');
  words[10] = 'edited';
  return words.join(' ');
}

const DAY = 86_400_000;
const dayOf = (day: number) => new Date(Date.UTC(2025, 0, 1) + day * DAY).toISOString();

test('addFeatures with features computed elsewhere (and cloned, as from a worker) decides as add', () => {
  const items: DedupeItem[] = [
    { id: 'wire', body: ORIGINAL, published: '2025-03-13T10:00:00Z' },
    { id: 'copy', body: SYNDICATED },
    { id: 'same', body: ORIGINAL },
    { id: 'other', body: OTHER_OUTLET },
  ];
  const direct = new DuplicateDetector();
  const split = new DuplicateDetector();
  for (const item of items) {
    const features = structuredClone(computeDedupeFeatures(item));
    assert.deepEqual(split.addFeatures(item.id, features), direct.add(item));
  }
  assert.deepEqual(split.toState(), direct.toState());
});

test('an item is forgotten after retentionDays of stream time; decisions already returned stay valid', () => {
  const detector = new DuplicateDetector({ retentionDays: 10 });
  const first = detector.add({ id: 'a', body: makeBody(1), published: dayOf(0) });
  assert.equal(detector.add({ id: 'a2', body: editBody(makeBody(1)), published: dayOf(9) }).groupId, 'a');
  detector.add({ id: 'b', body: makeBody(2), published: dayOf(11) });
  // 'a' arrived on day 0: forgotten once stream time passes day 10; 'a2' (day 9) is still remembered.
  assert.equal(detector.getRepresentative('a'), undefined);
  assert.equal(detector.getRepresentative('a2'), 'a');
  const late = detector.add({ id: 'a3', body: makeBody(1), published: dayOf(12) });
  assert.deepEqual(
    [late.match?.kind, late.match?.matchedId, late.groupId, late.representativeId],
    ['near', 'a2', 'a', 'a'],
  );
  assert.deepEqual(first, { id: 'a', groupId: 'a', representativeId: 'a' });
  detector.add({ id: 'c', body: makeBody(3), published: dayOf(30) });
  assert.deepEqual(detector.add({ id: 'a4', body: makeBody(1), published: dayOf(30) }), {
    id: 'a4',
    groupId: 'a4',
    representativeId: 'a4',
  });
  assert.equal(detector.size, 2);
});

test('an old article arriving late is remembered from its arrival, so a backfill in any order still matches', () => {
  const detector = new DuplicateDetector({ retentionDays: 10 });
  detector.add({ id: 'new', body: makeBody(1), published: dayOf(100) });
  detector.add({ id: 'old', body: makeBody(2), published: dayOf(0) });
  const copy = detector.add({ id: 'old-copy', body: editBody(makeBody(2)), published: dayOf(1) });
  assert.equal(copy.match?.matchedId, 'old');
  assert.equal(copy.representativeId, 'old');
});

test('undated items count as arriving at the newest date seen, or the first date once one comes', () => {
  const detector = new DuplicateDetector({ retentionDays: 10 });
  detector.add({ id: 'undated-first', body: makeBody(1) });
  detector.add({ id: 'dated', body: makeBody(2), published: dayOf(50) });
  detector.add({ id: 'undated-later', body: makeBody(3) });
  detector.add({ id: 'next', body: makeBody(4), published: dayOf(59) });
  assert.equal(detector.size, 4);
  detector.add({ id: 'last', body: makeBody(5), published: dayOf(61) });
  assert.deepEqual(detector.listGroups(), []);
  assert.equal(detector.size, 2);
  assert.equal(detector.getRepresentative('undated-later'), undefined);
  assert.equal(detector.getRepresentative('next'), 'next');
});

test('beyond maxItems the earliest added are forgotten first, exact keys and groups included', () => {
  const detector = new DuplicateDetector({ maxItems: 3 });
  detector.add({ id: 'a', body: makeBody(1) });
  detector.add({ id: 'a-exact', body: makeBody(1) });
  detector.add({ id: 'b', body: makeBody(2) });
  detector.add({ id: 'c', body: makeBody(3) });
  assert.equal(detector.size, 3);
  assert.equal(detector.getRepresentative('a'), undefined);
  // The exact key moved to 'a-exact', which is still remembered.
  assert.deepEqual(detector.add({ id: 'a-again', body: makeBody(1) }), {
    id: 'a-again',
    match: { kind: 'exact', matchedId: 'a-exact' },
    groupId: 'a',
    representativeId: 'a',
  });
  assert.deepEqual(detector.listGroups(), [{ groupId: 'a', representativeId: 'a', memberIds: ['a-again'] }]);
  for (const id of ['d', 'e', 'f']) detector.add({ id, body: makeBody(id.charCodeAt(0)) });
  assert.equal(detector.add({ id: 'a-last', body: makeBody(1) }).match, undefined);
  // An id is only checked against remembered items.
  assert.equal(detector.add({ id: 'a', body: makeBody(9) }).groupId, 'a');
});

test('continuing after a JSON round trip of the state decides exactly as never stopping', () => {
  const stream: DedupeItem[] = [];
  for (let serial = 0; serial < 40; serial++) {
    const source = serial % 7 === 3 ? serial - 2 : serial;
    const body = serial % 5 === 0 && serial > 0 ? makeBody(serial - 1) : makeBody(source);
    stream.push({
      id: `n${serial}`,
      body: source === serial ? body : editBody(body),
      ...(serial % 4 === 1 ? {} : { published: dayOf(serial % 6 === 0 ? serial - 5 : serial) }),
    });
  }
  for (const split of [0, 5, 13, 26, 39]) {
    const running = new DuplicateDetector({ retentionDays: 6, maxItems: 8 });
    for (const item of stream.slice(0, split)) running.add(item);
    const restored = DuplicateDetector.fromState(JSON.parse(JSON.stringify(running.toState())));
    assert.deepEqual(restored.toState(), running.toState());
    for (const item of stream.slice(split))
      assert.deepEqual(restored.add(item), running.add(item), `split ${split}, item ${item.id}`);
    assert.deepEqual(restored.toState(), running.toState());
    assert.deepEqual(restored.listGroups(), running.listGroups());
  }
});

test('the state is compact: band keys and fingerprints as base64, positions implied', () => {
  const detector = new DuplicateDetector();
  detector.add({ id: 'wire', body: ORIGINAL, published: '2025-03-13T10:00:00Z' });
  detector.add({ id: 'same', body: ORIGINAL });
  const [wire, same] = detector.toState().items;
  const features = computeDedupeFeatures({ id: 'wire', body: ORIGINAL });
  const record = decodeUint16s(wire?.record ?? '');
  assert.deepEqual(record.subarray(64), features.fingerprints);
  assert.equal(record.length, 64 + features.fingerprints.length);
  // An exact copy keeps no record: it is found by its exact key, which it now holds.
  assert.deepEqual(Object.keys(same ?? {}).sort(), ['arrivedAt', 'exactKey', 'group', 'id']);
});

test('retention options are checked', () => {
  assert.throws(
    () => new DuplicateDetector({ maxItems: 0 }),
    /maxItems must be a positive whole number, got 0/,
  );
  assert.throws(
    () => new DuplicateDetector({ retentionDays: -1 }),
    /retentionDays must be a positive number/,
  );
  assert.throws(
    () => DuplicateDetector.fromState({ ...new DuplicateDetector().toState(), format: 2 as 1 }),
    /unknown state format 2/,
  );
});
