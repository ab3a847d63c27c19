import type { ContentInput } from '../../core/subject.js'
import { reporterStanding } from '../../services/reporter-misuse.js'
import { GUIDELINES, illegal } from './demo-decisions.js'
import { demoPicture } from './demo-image.js'
import type { DemoRun } from './demo-run.js'
import {
  ago,
  moderator,
  openCaseFor,
  type StoryStep,
  sendReportPage,
  subjectRef,
  userNotice,
} from './demo-story-kit.js'

/** Reports every player who beats him; a moderator finds each report clearly unfounded. */
const SERIAL_REPORTER = 'game-user-888'

const UNFOUNDED: readonly { text: string; harm: string; explanation: string }[] = [
  {
    text: 'gg everyone, that last round was close',
    harm: 'illegal.hate',
    explanation: 'He is being racist.',
  },
  {
    text: 'nice clutch on B site',
    harm: 'illegal.harassment',
    explanation: 'He keeps harassing me.',
  },
  {
    text: 'wp, rematch?',
    harm: 'illegal.fraud',
    explanation: 'He is a scammer, he cheated to win.',
  },
  {
    text: 'first win in ages, I will take it',
    harm: 'children_priority.bullying',
    explanation: 'Bullying.',
  },
  {
    text: 'push mid, they are all top',
    harm: 'illegal.hate',
    explanation: 'Hate speech, ban him.',
  },
  {
    text: 'ty for the revive',
    harm: 'illegal.harassment',
    explanation: 'He will not leave me alone.',
  },
  { text: 'just hit diamond!! took me all season', harm: 'illegal.fraud', explanation: 'Cheater.' },
]

const PICTURE_SEED = 20_261_130

const PICTURE_POST = {
  id: 'forum-image-950',
  kind: 'image',
  surface: 'public',
  author: { id: 'forum-user-950' },
  text: 'remember her? 😏',
  url: 'https://forum.example/media/forum-image-950',
} as const

/**
 * Misuse and re-upload prevention: a player whose notices are clearly unfounded again and again
 * is warned, then deprioritised (DSA Art. 23(2)); a picture reported on the intimate-image page
 * is removed within hours, its hashes go to a re-upload bank, and a copy posted later is blocked.
 */
export function misuseChapter(span: number): StoryStep[] {
  const picture = lazily(() => demoPicture(PICTURE_SEED))
  return [
    ...[0, 1, 2, 3, 4, 5].flatMap((i) => unfoundedSteps(span, i, 14 - 2 * i)),
    ago(span, 5, (run) => reportUnfounded(run, 6)),
    ago(span, 0.05, noteRestrictedReporter),
    ago(span, 120, async (run) => {
      const media = [{ base64: (await picture()).png.toString('base64') }]
      await run.ingest({ ...PICTURE_POST, media, metadata: { platform: 'forum' } })
    }),
    ago(span, 119, reportPictureOnPage),
    ago(span, 114, removePicture),
    ago(span, 3, async (run) => reupload(run, (await picture()).copy)),
  ]
}

function unfoundedSteps(span: number, index: number, daysAgo: number): StoryStep[] {
  return [
    ago(span, daysAgo * 24, (run) => reportUnfounded(run, index)),
    ago(span, daysAgo * 24 - 5, (run) => dismissUnfounded(run, index)),
  ]
}

function unfoundedSubject(index: number) {
  const notice = UNFOUNDED[index] as (typeof UNFOUNDED)[number]
  return subjectRef('game', {
    id: `game-msg-lobby-${5100 + index}`,
    kind: 'message',
    surface: 'group',
    author: `game-user-${60 + index}`,
    text: notice.text,
  })
}

async function reportUnfounded(run: DemoRun, index: number): Promise<void> {
  const notice = UNFOUNDED[index] as (typeof UNFOUNDED)[number]
  const reporter = { kind: 'user', id: SERIAL_REPORTER } as const
  await run.report(userNotice(unfoundedSubject(index), notice.harm, notice.explanation, reporter))
}

async function dismissUnfounded(run: DemoRun, index: number): Promise<void> {
  const notice = UNFOUNDED[index] as (typeof UNFOUNDED)[number]
  const caseId = openCaseFor(run, unfoundedSubject(index))
  await run.decide(moderator(run, (index % 3) as 0 | 1 | 2), caseId, {
    harm: notice.harm,
    ground: GUIDELINES,
    actions: [{ type: 'no_action' }],
    statement:
      'We reviewed the message: it is ordinary game chat with nothing against the law or our Community Guidelines in it. The report was clearly unfounded.',
    automatedDetection: false,
    automatedDecision: 'not',
    noticeAssessment: 'manifestly_unfounded',
  })
}

async function noteRestrictedReporter(run: DemoRun): Promise<void> {
  const standing = await reporterStanding(run.ctx.db, run.ctx, `id:${SERIAL_REPORTER}`)
  if (standing) run.summary.restrictedReporters.push(SERIAL_REPORTER)
}

/** The person in the picture uses the intimate-image page, from the platform's report button. */
async function reportPictureOnPage(run: DemoRun): Promise<void> {
  const values = {
    subject: PICTURE_POST.id,
    kind: 'image',
    surface: 'public',
    urls: PICTURE_POST.url,
    intimateImage: 'yes',
    personShownOrActingForThem: 'yes',
    goodFaith: 'yes',
    explanation: 'This is a private photo of me. My ex posted it without asking me.',
    name: 'Jess M.',
    email: 'jess.m@mail.example',
    followUp: 'yes',
  }
  await sendReportPage(run, 'intimate-image', values, '203.0.113.50')
}

async function removePicture(run: DemoRun): Promise<void> {
  const caseId = openCaseFor(run, PICTURE_POST)
  await run.decide(moderator(run, 0), caseId, {
    harm: 'illegal.intimate_image_abuse',
    ground: illegal('Sexual Offences Act 2003 s.66B'),
    actions: [{ type: 'remove' }],
    statement:
      'The picture is an intimate image of the person who reported it, shared without her consent. We removed it and added it to our hash lists so it cannot be posted again.',
    automatedDetection: false,
    automatedDecision: 'not',
  })
}

/** Another account posts the same picture, smaller and saved as a JPEG: the PDQ bank blocks it. */
async function reupload(run: DemoRun, bytes: Buffer): Promise<void> {
  const input: ContentInput = {
    id: 'forum-image-951',
    kind: 'image',
    surface: 'public',
    author: { id: 'forum-user-951' },
    text: 'found it again lol',
    url: 'https://forum.example/media/forum-image-951',
    media: [{ base64: bytes.toString('base64') }],
    metadata: { platform: 'forum' },
  }
  const result = await run.ingest(input)
  const prefix = `${run.ctx.policy.enforcement.reupload.bankPrefix}-`
  const banked = result.signals.some((s) => String(s.evidence?.bank ?? '').startsWith(prefix))
  if (result.verdict === 'block' && banked) run.summary.reuploadsBlocked += 1
}

/** Makes the value once, the first time it is asked for. */
function lazily<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined
  return () => {
    made ??= make()
    return made
  }
}
