import type { DecisionInput, Ground } from '../../core/decision.js'
import type { SubjectRef } from '../../core/subject.js'
import { accountStanding } from '../../services/account-standing.js'
import { GUIDELINES, illegal } from './demo-decisions.js'
import type { DemoRun } from './demo-run.js'
import {
  ago,
  moderator,
  named,
  openCaseFor,
  type StoryStep,
  subjectRef,
  userNotice,
} from './demo-story-kit.js'

const SPAM_TERMS: Ground = {
  type: 'terms',
  clause: 'Community Guidelines §5.1 (spam and misleading offers)',
  version: '2026-01',
  referenceUrl: 'https://forum.example/guidelines#spam',
}

const NEWS_POST = subjectRef('forum', {
  id: 'forum-post-news-share',
  author: 'forum-user-920',
  text: 'BBC: police name the man behind the [town] attack. Photos show the flag of [proscribed organisation] painted on his wall. Thinking of everyone affected.',
})

/** The repeat offender: three posts removed in three weeks. */
const OFFENDER = 'forum-user-930'

interface Offence {
  hoursAgo: number
  post: SubjectRef
  harm: string
  explanation: string
  decision: Omit<DecisionInput, 'automatedDetection' | 'automatedDecision' | 'harm'>
}

const OFFENCES: readonly Offence[] = [
  {
    hoursAgo: 24 * 24,
    post: offenderPost(1, 'MAKE £500 A DAY FROM HOME!!! DM me for the secret, only 3 places left'),
    harm: 'terms',
    explanation: 'The same advert is posted in every board.',
    decision: {
      ground: SPAM_TERMS,
      actions: [{ type: 'remove' }],
      statement:
        'The post is a repeated advert with a misleading offer of easy money, which our Community Guidelines do not allow. We removed it.',
    },
  },
  {
    hoursAgo: 15 * 24,
    post: offenderPost(
      2,
      'look at @mia_draws "art" 😂 she should quit and stop embarrassing herself, pile on everyone',
    ),
    harm: 'children_priority.bullying',
    explanation: 'He keeps getting people to pile on to a 15-year-old artist.',
    decision: {
      ground: GUIDELINES,
      actions: [{ type: 'remove' }],
      statement:
        'The post mocks a named member and asks others to join in, which our Community Guidelines forbid. We removed it.',
    },
  },
  {
    hoursAgo: 3 * 24,
    post: offenderPost(
      3,
      'Found where @mia_draws works. Going to keep posting her shifts here until she gets the message.',
    ),
    harm: 'illegal.harassment',
    explanation: 'He is posting where she works so people can turn up.',
    decision: {
      ground: illegal('Protection from Harassment Act 1997 s.2'),
      actions: [{ type: 'remove' }],
      statement:
        'The post is part of a course of conduct aimed at one person and tells others where to find her. We removed it.',
    },
  },
]

/**
 * Decisions with statements of reasons, and what follows them: a removal reversed on the
 * author's appeal by a second moderator; a repeat offender warned, then suspended, by the strike
 * ladder, who appeals the last decision (still open); and a complaint about an automatic block
 * (Ofcom ICU D11), still open.
 */
export function appealChapter(span: number): StoryStep[] {
  return [
    ...OFFENCES.flatMap((offence, i) => offenceSteps(span, offence, i)),
    ago(span, 10 * 24, reportNewsPost),
    ago(span, 10 * 24 - 0.6, removeNewsPost),
    ago(span, 9 * 24, appealNewsRemoval),
    ago(span, 8 * 24 + 5, reverseNewsRemoval),
    ago(span, 40, appealSuspension),
    ago(span, 30, postPhishingWarning),
    ago(span, 28, complainAboutBlock),
    ago(span, 0.05, noteSuspendedAccounts),
  ]
}

function offenderPost(n: number, text: string): SubjectRef {
  return subjectRef('forum', { id: `forum-post-offender-${n}`, author: OFFENDER, text })
}

/** The offence is reported, then decided by the next moderator a few hours later. */
function offenceSteps(span: number, offence: Offence, index: number): StoryStep[] {
  const reporter = { kind: 'user', id: `forum-user-${40 + index}` } as const
  const notice = userNotice(offence.post, offence.harm, offence.explanation, reporter)
  return [
    ago(span, offence.hoursAgo, (run) => run.report(notice)),
    ago(span, offence.hoursAgo - 3, async (run) => {
      const caseId = openCaseFor(run, offence.post)
      const input = {
        ...offence.decision,
        harm: offence.harm,
        automatedDetection: false,
        automatedDecision: 'not' as const,
      }
      const decision = await run.decide(moderator(run, index as 0 | 1 | 2), caseId, input)
      run.named.set(`decision:offence-${index + 1}`, decision.id)
    }),
  ]
}

async function reportNewsPost(run: DemoRun): Promise<void> {
  const why = 'This post shows the flag of a terrorist group.'
  await run.report(
    userNotice(NEWS_POST, 'illegal.terrorism', why, { kind: 'user', id: 'forum-user-57' }),
  )
}

/** Tom removes the post in a hurry: a mistake the appeal will put right. */
async function removeNewsPost(run: DemoRun): Promise<void> {
  const caseId = openCaseFor(run, NEWS_POST)
  const decision = await run.decide(moderator(run, 1), caseId, {
    harm: 'illegal.terrorism',
    ground: illegal('Terrorism Act 2000 s.13'),
    actions: [{ type: 'remove' }],
    statement:
      'The post shows the flag of an organisation proscribed in the UK, in a way that could arouse suspicion of support for it. We removed it.',
    automatedDetection: false,
    automatedDecision: 'not',
  })
  run.named.set('decision:news', decision.id)
}

async function appealNewsRemoval(run: DemoRun): Promise<void> {
  const receipt = await run.appeal({
    kind: 'decision',
    decisionId: named(run, 'decision:news'),
    claim: { appellantId: NEWS_POST.author?.id },
    grounds:
      'I was sharing a BBC news report and condemning the attack. I do not support that group in any way.',
  })
  run.named.set('appeal:news', receipt.appealId)
}

/** Inès, not Tom who removed the post, decides the appeal (DSA Art. 20(6)). */
async function reverseNewsRemoval(run: DemoRun): Promise<void> {
  await run.decideAppeal(moderator(run, 2), named(run, 'appeal:news'), {
    outcome: 'reversed',
    reasons:
      'You are right: the post quotes a news report and condemns the attack; it does not support the group. We have asked for it to be put back and removed the strike from your account.',
  })
}

async function appealSuspension(run: DemoRun): Promise<void> {
  await run.appeal({
    kind: 'decision',
    decisionId: named(run, 'decision:offence-3'),
    claim: { appellantId: OFFENDER },
    grounds: 'It was a joke, I was never going to go there. Thirty days is far too long.',
  })
}

const PHISHING_WARNING = {
  id: 'forum-post-parcel-warning',
  kind: 'text',
  surface: 'public',
  author: { id: 'forum-user-940' },
  text: 'PSA: if you get a text saying your parcel is held, do NOT pay at https://parcel-redelivery-fee.example/track. It is a scam. Forward the text to 7726.',
  url: 'https://forum.example/p/forum-post-parcel-warning',
} as const

/** A warning about a scam link is blocked by the scam-domain list: a false positive. */
async function postPhishingWarning(run: DemoRun): Promise<void> {
  await run.ingest({ ...PHISHING_WARNING, media: [], metadata: { platform: 'forum' } })
}

async function complainAboutBlock(run: DemoRun): Promise<void> {
  await run.appeal({
    kind: 'proactive_technology',
    subject: PHISHING_WARNING,
    claim: { appellantId: PHISHING_WARNING.author.id, email: 'dee.warner@mail.example' },
    grounds:
      'An automatic filter blocked my post. I was warning people not to click that link, not sharing it. Please let it through.',
  })
}

/** The strike ladder's work, as the standing endpoint shows it at the end of the load. */
async function noteSuspendedAccounts(run: DemoRun): Promise<void> {
  const standing = await accountStanding(run.ctx.db, run.ctx, OFFENDER)
  if (standing.status === 'suspended') run.summary.suspended.push(OFFENDER)
}
