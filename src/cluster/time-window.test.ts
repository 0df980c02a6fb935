import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extendTimes, isWithinWindow, mergeTimes } from './time-window.ts';

const day = (iso: string) => Date.parse(iso);

test('isWithinWindow bounds a dated story by days on either side; undated sides always pass', () => {
  const story = { firstTime: day('2024-03-10'), lastTime: day('2024-03-12') };
  assert.equal(isWithinWindow(story, day('2024-03-15'), 3), true);
  assert.equal(isWithinWindow(story, day('2024-03-16'), 3), false);
  assert.equal(isWithinWindow(story, day('2024-03-07'), 3), true);
  assert.equal(isWithinWindow(story, day('2024-03-06'), 3), false);
  assert.equal(isWithinWindow(story, null, 3), true);
  assert.equal(isWithinWindow({ firstTime: null, lastTime: null }, day('2030-01-01'), 3), true);
});

test('extendTimes and mergeTimes widen the span', () => {
  const empty = { firstTime: null, lastTime: null };
  const one = extendTimes(empty, day('2024-03-10'));
  assert.deepEqual(one, { firstTime: day('2024-03-10'), lastTime: day('2024-03-10') });
  assert.deepEqual(extendTimes(one, null), one);
  assert.deepEqual(mergeTimes(one, { firstTime: day('2024-03-01'), lastTime: day('2024-03-05') }), {
    firstTime: day('2024-03-01'),
    lastTime: day('2024-03-10'),
  });
});
