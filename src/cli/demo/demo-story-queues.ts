import type { ReportInput } from '../../core/report.js'
import type { FormValues } from '../../http/pages/form-body.js'
import type { DemoRun } from './demo-run.js'
import {
  ALL_DECLARED,
  ago,
  moderator,
  named,
  type StoryStep,
  sendReportPage,
  subjectRef,
  urlOf,
  userNotice,
} from './demo-story-kit.js'

const TERROR_POST = subjectRef('forum', {
  id: 'forum-post-attack-video',
  author: 'forum-user-910',
  text: 'Full video of the [town] attack, filmed by the brothers of [proscribed organisation]. Share it everywhere before they delete it.',
  reach: { views: 45_000 },
})

const VIRAL_SCAM = subjectRef('forum', {
  id: 'forum-post-giveaway',
  author: 'forum-user-911',
  text: 'We are giving away 500 phones to celebrate our anniversary! Enter your card details to pay £1 postage: https://free-giftcards.example/phones',
  reach: { views: 1_000_000 },
})

const HATE_FLYER = subjectRef('forum', {
  id: 'forum-post-flyer',
  author: 'forum-user-912',
  text: 'Print this flyer and put it through every door on [street]: [religious group] families are not welcome here, make them leave.',
  reach: { followers: 120_000 },
})

const INTIMATE_POST = subjectRef('forum', {
  id: 'forum-image-hotline-1',
  kind: 'image',
  author: 'forum-user-913',
  text: 'rate her 1-10',
})

const KNIFE_SALE = subjectRef('forum', {
  id: 'forum-post-knife-sale',
  author: 'forum-user-914',
  text: 'Zombie knives for sale, no ID checks, delivered discreetly to under-18s too. DM for prices.',
  reach: { followers: 4_000 },
})

const SQUAD_CHAT = subjectRef('game', {
  id: 'game-msg-squad-77',
  kind: 'message',
  surface: 'group',
  author: 'game-user-141',
  text: 'everyone report Leo and spam his DMs till he quits lol, he is such a baby',
})

const CRYPTO_AD = subjectRef('forum', {
  id: 'forum-post-crypto-ad',
  author: 'forum-user-915',
  text: 'The Bank of England does not want you to know this: turn £250 into £8,000 a week with our trading bot https://crypto-doubler.example/start',
  reach: { views: 2_000_000 },
})

const NGO = {
  kind: 'trusted_flagger',
  name: 'Safer Online Hotline caseworker',
  email: 'hotline@saferonline.example',
} as const
const POLICE = {
  kind: 'authority',
  name: 'Northshire Police Economic Crime Unit',
  email: 'socialmedia.hub@northshire-police.example',
} as const

/** Answers typed into the public report form. */
function pageForm(values: FormValues): FormValues {
  return { surface: 'public', kind: 'text', goodFaith: 'yes', ...values }
}

/** Two people report one threat by its web address alone: reports of one address join. */
function threatForm(name: string, mailbox: string): FormValues {
  return pageForm({
    urls: urlOf('forum', 'forum-post-1187'),
    reason: 'illegal.harassment.threat_to_life',
    explanation: 'This post says he will stab the woman who runs the café on the high street.',
    name,
    email: `${mailbox}@mail.example`,
    followUp: 'yes',
  })
}

/** Someone who saw the scam reports it on the page opened by the platform's report button. */
const SCAM_FORM = pageForm({
  subject: VIRAL_SCAM.id,
  urls: VIRAL_SCAM.url ?? '',
  reason: 'illegal.fraud',
  explanation: 'Fake giveaway that steals card details. It is everywhere on the forum.',
  name: 'Alex Morgan',
  email: 'alex.morgan@mail.example',
  followUp: 'yes',
})

/** No follow-up wanted (Ofcom D6): the box is left unticked. */
const DRUGS_FORM = pageForm({
  urls: urlOf('forum', 'forum-post-2214'),
  reason: 'illegal.drugs',
  explanation: 'This post sells pills and says it delivers to schools.',
  name: 'Chris Doyle',
  email: 'c.doyle@mail.example',
})

/** A notice of the story: through the API (the platform's or a flagger's key) or the public page. */
interface Filing {
  hoursAgo: number
  /** Remembered as `case:<name>` for later steps. */
  name?: string
  api?: ReportInput
  page?: { values: FormValues; address: string }
}

const WHY = {
  ngo: 'We act for the woman in this picture. It was taken privately and posted by her former partner without her consent.',
  hate: 'This flyer calls on readers to drive out families because of their religion (stirring up religious hatred). It is being shared widely.',
  terror:
    'This post shares attack footage produced by a proscribed organisation and asks others to spread it (Terrorism Act 2006 s.2). Please remove it and preserve the data.',
  crypto:
    'A fake endorsement scam. Victims in our area have lost more than £40,000 to it this month.',
}

const FILINGS: readonly Filing[] = [
  {
    hoursAgo: 80,
    page: { values: threatForm('Sam Carter', 'sam.carter'), address: '198.51.100.14' },
  },
  { hoursAgo: 70, page: { values: threatForm('Priya Shah', 'priya.s'), address: '198.51.100.77' } },
  {
    hoursAgo: 65,
    api: userNotice(KNIFE_SALE, 'illegal.weapons', 'This account sells knives to children.', {
      kind: 'user',
      id: 'forum-user-23',
    }),
  },
  {
    hoursAgo: 58,
    name: 'scam',
    api: userNotice(VIRAL_SCAM, 'illegal.fraud', 'This giveaway is a scam.', {
      kind: 'user',
      id: 'forum-user-31',
      email: 'reporter31@mail.example',
    }),
  },
  {
    hoursAgo: 40,
    api: userNotice(VIRAL_SCAM, 'illegal.fraud', 'My mum paid on this and lost money.', {
      kind: 'user',
      id: 'forum-user-48',
    }),
  },
  { hoursAgo: 30, page: { values: SCAM_FORM, address: '203.0.113.9' } },
  { hoursAgo: 26, page: { values: DRUGS_FORM, address: '203.0.113.41' } },
  {
    hoursAgo: 20,
    name: 'ngo-intimate',
    api: {
      ...userNotice(INTIMATE_POST, 'illegal.intimate_image_abuse', WHY.ngo, NGO),
      declarations: ALL_DECLARED,
    },
  },
  { hoursAgo: 9.5, api: userNotice(HATE_FLYER, 'illegal.hate', WHY.hate, NGO) },
  {
    hoursAgo: 6,
    api: userNotice(SQUAD_CHAT, 'children_priority.bullying', 'They gang up on my son.', {
      kind: 'user',
      id: 'game-user-12',
    }),
  },
  {
    hoursAgo: 3,
    name: 'terror',
    api: userNotice(TERROR_POST, 'illegal.terrorism', WHY.terror, {
      ...POLICE,
      name: 'PC J. Okafor, Social Media Hub',
    }),
  },
  {
    hoursAgo: 2.5,
    api: userNotice(TERROR_POST, 'illegal.terrorism', 'This is the attack video.', {
      kind: 'user',
      id: 'forum-user-77',
    }),
  },
  { hoursAgo: 1, api: userNotice(CRYPTO_AD, 'illegal.fraud', WHY.crypto, POLICE) },
]

/**
 * The queues come alive: the police hub and the NGO hotline file notices with their own keys
 * (terrorism, intimate images with the declarations, a general one), users report through the
 * API and the public page, duplicates join their case, reach raises priority, and moderators
 * claim the most urgent cases. Some cases are past or near their deadline by the end.
 */
export function queueChapter(span: number): StoryStep[] {
  return [
    ...FILINGS.map((filing) => ago(span, filing.hoursAgo, (run) => file(run, filing))),
    ago(span, 1 / 6, claimUrgentCases),
  ]
}

async function file(run: DemoRun, filing: Filing): Promise<void> {
  const { page, api } = filing
  const receipt = page
    ? await sendReportPage(run, 'report', page.values, page.address)
    : await run.report(api as ReportInput)
  if (filing.name) run.named.set(`case:${filing.name}`, receipt.caseId)
}

/** Each moderator takes one of the most urgent cases for two hours. */
async function claimUrgentCases(run: DemoRun): Promise<void> {
  await run.claim(moderator(run, 0), named(run, 'case:terror'), 120)
  await run.claim(moderator(run, 1), named(run, 'case:ngo-intimate'), 120)
  await run.claim(moderator(run, 2), named(run, 'case:scam'), 120)
}
