import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalizeForComparison } from '../text/normalize-for-comparison.ts';
import { isImagePrompt } from './is-image-prompt.ts';

const prompt = (value: string) => isImagePrompt(normalizeForComparison(value));

test('image prompts: descriptive openings with art direction are prompts', () => {
  assert.ok(
    prompt(
      'A moody, painterly image of a lighthouse keeper climbing a spiral staircase. The tone should be lonely.',
    ),
  );
  assert.ok(
    prompt('An illustration showing three ferries crossing a stormy harbour, cinematic lighting, no text.'),
  );
  assert.ok(
    prompt(
      'Generate an image of a city council chamber filled with empty chairs, dramatic mood, digital art style.',
    ),
  );
});

test('image prompts: a style-heavy description without an image noun is still a prompt', () => {
  assert.ok(
    prompt(
      'A quiet reading nook with stacked books and a wool blanket, soft natural light, minimalist interior style, photorealistic, high detail.',
    ),
  );
});

test('image prompts: reporting that mentions a photo is text', () => {
  assert.ok(
    !prompt('A photo of the flooded underpass was shared by police on Tuesday, showing two cars submerged.'),
  );
  assert.ok(
    !prompt(
      'A photograph of the mayor shows her standing at the podium, looking dramatic in the background lights.',
    ),
  );
  assert.ok(
    !prompt('An image of the document, seen by this newspaper, lists 14 stations due to close in 2026.'),
  );
  assert.ok(!prompt('A dramatic rescue unfolded on the river, according to witnesses, as the current rose.'));
});

test('image prompts: an opening alone, without art direction, is not enough', () => {
  assert.ok(
    !prompt('A picture of resilience emerges from the town hall meeting about the new school budget plans.'),
  );
});
