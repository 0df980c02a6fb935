import assert from 'node:assert/strict';
import { test } from 'node:test';
import { recognizeEntities } from './recognize-entities.ts';

function describe(text: string): string[] {
  return recognizeEntities(text).map((mention) => {
    assert.equal(text.slice(mention.start, mention.end), mention.text, 'offsets index the input text');
    return `${mention.type}:${mention.text}${mention.place ? `>${mention.place}` : ''}`;
  });
}

test('recognizeEntities finds people, places and organisations, and links nationalities to places', () => {
  const found = describe(
    'Ukrainian President Volodymyr Zelensky met German Chancellor Olaf Scholz in Berlin on Tuesday, ' +
      'and the World Health Organization sent a team.',
  );
  for (const expected of [
    'nationality:Ukrainian>Ukraine',
    'person:Volodymyr Zelensky',
    'nationality:German>Germany',
    'person:Olaf Scholz',
    'place:Berlin',
    'org:World Health Organization',
  ])
    assert.ok(found.includes(expected), `${expected} in ${found.join(', ')}`);
});

test('recognizeEntities handles curly possessives, dashes and honorifics in article text', () => {
  const text =
    'Steve Witkoff’s visit to Moscow — his third this year — went well, Mr. Witkoff told reporters.';
  const found = describe(text);
  assert.ok(found.includes('person:Steve Witkoff'), found.join(', '));
  assert.ok(found.includes('place:Moscow'), found.join(', '));
  assert.ok(found.includes('person:Witkoff'), 'the honorific is not part of the name');
  const second = recognizeEntities(text).find((mention) => mention.text === 'Witkoff');
  assert.equal(second?.start, text.lastIndexOf('Witkoff'));
});

test('recognizeEntities returns nothing for text without names', () => {
  assert.deepEqual(recognizeEntities(''), []);
  assert.deepEqual(recognizeEntities('it rained all day and the river rose slowly.'), []);
});
