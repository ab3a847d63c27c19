import { appealChapter } from './demo-story-appeals.js'
import { complianceChapter } from './demo-story-compliance.js'
import { evidenceChapter } from './demo-story-evidence.js'
import type { StoryStep } from './demo-story-kit.js'
import { misuseChapter } from './demo-story-misuse.js'
import { queueChapter } from './demo-story-queues.js'

export type { StoryStep } from './demo-story-kit.js'

/**
 * The scripted part of the demo (issues 4, 6 and 7), laid over the seeded 30 days: flaggers'
 * notices, queues with claims and deadlines, statements of reasons, appeals, strikes, misuse and
 * re-upload prevention; evidence, legal holds, preservation requests and CSEA reports; the risk
 * assessment and its code measures. Fixed times before the end, so every load tells the same story.
 */
export function planStory(span: number): StoryStep[] {
  return [
    ...queueChapter(span),
    ...appealChapter(span),
    ...misuseChapter(span),
    ...evidenceChapter(span),
    ...complianceChapter(span),
  ].sort((a, b) => a.at - b.at)
}
