export const DAY_MS = 86_400_000;

/** The span of dates a story's articles carry; null ends when none had a date. */
export interface StoryTimes {
  firstTime: number | null;
  lastTime: number | null;
}

/**
 * Whether an article at `time` may still join a story: within `windowDays` of the story's dated
 * articles (before its first or after its last). A story past the window is dormant for that article.
 * An undated article or story is never ruled out by time: there is nothing to compare.
 */
export function isWithinWindow(story: StoryTimes, time: number | null, windowDays: number): boolean {
  if (time === null || story.firstTime === null || story.lastTime === null) return true;
  const window = windowDays * DAY_MS;
  return time >= story.firstTime - window && time <= story.lastTime + window;
}

/** The story's date span after an article at `time` joins. */
export function extendTimes(story: StoryTimes, time: number | null): StoryTimes {
  if (time === null) return story;
  return {
    firstTime: story.firstTime === null ? time : Math.min(story.firstTime, time),
    lastTime: story.lastTime === null ? time : Math.max(story.lastTime, time),
  };
}

/** The span covering two stories' spans. */
export function mergeTimes(a: StoryTimes, b: StoryTimes): StoryTimes {
  return extendTimes(extendTimes(a, b.firstTime), b.lastTime);
}
