import { appealChapter } from './demo-story-appeals.js'
import type { StoryStep } from './demo-story-kit.js'
import { misuseChapter } from './demo-story-misuse.js'
import { queueChapter } from './demo-story-queues.js'

export type { StoryStep } from './demo-story-kit.js'

/**
 * The scripted part of the demo (issue 4), laid over the seeded 30 days: flaggers' notices,
 * queues with claims and deadlines, statements of reasons, appeals, strikes, misuse and
 * re-upload prevention. Fixed times before the end, so every load tells the same story.
 */
export function planStory(span: number): StoryStep[] {
  return [...queueChapter(span), ...appealChapter(span), ...misuseChapter(span)].sort(
    (a, b) => a.at - b.at,
  )
}
