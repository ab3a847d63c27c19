import type { Random } from '../../core/random.js'
import type { Declarations, ReporterKind, ReportInput } from '../../core/report.js'
import type { SubjectKind, Surface } from '../../core/subject.js'
import { type DecisionTemplate, GUIDELINES, illegal } from './demo-decisions.js'
import type { Platform } from './demo-text.js'

/** A kind of notice people file, with the content it is about and how it is usually decided. */
export interface ReportScenario {
  harm: string
  weight: number
  platform: Platform
  kind: SubjectKind
  surface: Surface
  texts: readonly string[]
  explanations: readonly string[]
  reporters: readonly ReporterKind[]
  decisions: readonly DecisionTemplate[]
}

/** An intimate-image notice's declarations (OSA s.20), all made. */
export const ALL_DECLARED: Required<Declarations> = {
  intimateImage: true,
  personShownOrActingForThem: true,
  goodFaith: true,
}

/** Who signs the registered flaggers' notices (demo-actors.ts registers them and their keys). */
export const TRUSTED_FLAGGERS = [
  { name: 'Safer Online Hotline caseworker', email: 'hotline@saferonline.example' },
  { name: 'Safer Online Hotline analyst', email: 'hotline@saferonline.example' },
]

export const AUTHORITIES = [
  {
    name: 'Northshire Police Social Media Hub',
    email: 'socialmedia.hub@northshire-police.example',
  },
  {
    name: 'Northshire Police Online Hate Crime Unit',
    email: 'socialmedia.hub@northshire-police.example',
  },
]

/**
 * Who filed a notice: a platform user (sometimes with an email), or someone at the NGO hotline or
 * the police hub; those two file with their own keys.
 */
export function reporterFor(
  random: Random,
  kind: ReporterKind,
  platform: Platform,
): ReportInput['reporter'] {
  if (kind === 'trusted_flagger') return { kind, ...random.pick(TRUSTED_FLAGGERS) }
  if (kind === 'authority') return { kind, ...random.pick(AUTHORITIES) }
  const address = `reporter${random.int(100, 999)}@mail.example`
  if (platform === 'forum' && random.chance(0.15)) return { kind: 'non_user', email: address }
  const email = random.chance(0.35) ? { email: address } : {}
  return { kind: 'user', id: `${platform}-user-${random.int(1, 160)}`, ...email }
}

const SUSPEND_WEEK: DecisionTemplate['actions'] = [
  { type: 'remove' },
  { type: 'suspend_account', durationHours: 168 },
]

/** Notices about the most serious harms; `demo-reports-more.ts` has the rest. */
export const REPORT_SCENARIOS: readonly ReportScenario[] = [
  {
    harm: 'illegal.csea.grooming',
    weight: 3,
    platform: 'game',
    kind: 'message',
    surface: 'private',
    texts: [
      "you seem really mature for 13. don't tell your parents we talk ok? add me on another app",
      'I can gift you the skin for free, just delete our chats first and keep it between us',
    ],
    explanations: [
      'I am the parent of the 12-year-old this user keeps messaging. He asks her to keep it secret and move to another app.',
      'An adult is offering my son free items and asking him to delete their chats.',
    ],
    reporters: ['user', 'user', 'trusted_flagger'],
    decisions: [
      {
        harm: 'illegal.csea.grooming',
        ground: illegal('Sexual Offences Act 2003 s.15A'),
        actions: [{ type: 'remove' }, { type: 'terminate_account' }],
        statement:
          'An adult is building a secret relationship with a child and asking to move to another app. ' +
          'We removed the messages, closed the account and preserved the evidence.',
      },
    ],
  },
  {
    harm: 'illegal.hate',
    weight: 3,
    platform: 'forum',
    kind: 'text',
    surface: 'public',
    texts: [
      '[religious group] are vermin and should be driven out of this town. Pass it on.',
      'No landlord round here should rent to [ethnic group]. Share this with every agent you know.',
    ],
    explanations: [
      'This post stirs up hatred against people because of their religion.',
      'It tells landlords to refuse tenants because of their ethnicity.',
    ],
    reporters: ['user', 'user', 'user', 'user', 'user', 'authority'],
    decisions: [
      {
        harm: 'illegal.hate',
        ground: illegal('Public Order Act 1986 s.29B'),
        actions: [{ type: 'remove' }, { type: 'suspend_account', durationHours: 72 }],
        statement:
          'The post uses threatening words meant to stir up religious hatred. We removed it and ' +
          'suspended the account for three days.',
      },
      {
        harm: 'illegal.hate',
        ground: illegal('Public Order Act 1986 s.18'),
        actions: [{ type: 'geo_restrict', territories: ['GB'] }],
        statement:
          'The post is likely to stir up racial hatred and is illegal in the UK. We blocked it for ' +
          'viewers in the United Kingdom.',
      },
    ],
  },
  {
    harm: 'illegal.intimate_image_abuse',
    weight: 2,
    platform: 'forum',
    kind: 'image',
    surface: 'public',
    texts: ['guess who this is 👀', 'she will not like this one getting out'],
    explanations: [
      'This is a private photo of me. My ex posted it without my consent. Please take it down.',
      'This is an intimate image of my sister shared without her consent.',
    ],
    reporters: ['user', 'user', 'trusted_flagger'],
    decisions: [
      {
        harm: 'illegal.intimate_image_abuse',
        ground: illegal('Sexual Offences Act 2003 s.66B'),
        actions: [{ type: 'remove' }, { type: 'terminate_account' }],
        statement:
          'The image is an intimate image shared without the consent of the person in it. We ' +
          'removed it, added it to our hash list to stop re-uploads and closed the account.',
      },
    ],
  },
  {
    harm: 'illegal.fraud',
    weight: 3,
    platform: 'dating',
    kind: 'message',
    surface: 'private',
    texts: [
      'I need £500 for my visa and then we can finally meet. Please, bank details below.',
      'Investment club: send £200, get £1,000 back in a week, guaranteed. DM me.',
    ],
    explanations: [
      'We have never met and he keeps asking me for money. I think this is a romance scam.',
      'This is a scam. A friend lost money to the same account.',
    ],
    reporters: ['user', 'user', 'user', 'trusted_flagger'],
    decisions: [
      {
        harm: 'illegal.fraud',
        ground: illegal('Fraud Act 2006 s.2'),
        actions: [{ type: 'remove' }, { type: 'suspend_account', durationHours: 720 }],
        statement:
          'The messages ask for money under false pretences. We removed them and suspended the ' +
          'account for 30 days.',
      },
    ],
  },
  {
    harm: 'illegal.terrorism',
    weight: 2,
    platform: 'forum',
    kind: 'text',
    surface: 'public',
    texts: [
      'Join [proscribed organisation]. Their fighters are the only true heroes. Message me to help.',
      'Collecting donations for the brothers of [proscribed organisation], details in my profile.',
    ],
    explanations: [
      'This post invites support for a proscribed organisation.',
      'The account raises money for a proscribed organisation.',
    ],
    reporters: ['trusted_flagger', 'user', 'user', 'authority'],
    decisions: [
      {
        harm: 'illegal.terrorism',
        ground: illegal('Terrorism Act 2000 s.12'),
        actions: [{ type: 'remove' }, { type: 'terminate_account' }],
        statement:
          'The post invites support for an organisation proscribed in the UK. We removed it and ' +
          'closed the account.',
      },
    ],
  },
  {
    harm: 'children_priority.bullying',
    weight: 4,
    platform: 'game',
    kind: 'message',
    surface: 'group',
    texts: [
      "everyone in 9B ignore Maya tomorrow, she's such a loser lol",
      'made a group just to rate how weird Sam looks 😂 add everyone',
      'nobody invite Leo to the squad again, make him cry like last time',
    ],
    explanations: [
      'They are ganging up on my daughter in the class group chat.',
      'This group was made to mock one boy in our year.',
    ],
    reporters: ['user'],
    decisions: [
      {
        harm: 'children_priority.bullying',
        ground: GUIDELINES,
        actions: [{ type: 'remove' }, { type: 'suspend_account', durationHours: 72 }],
        statement:
          'The message encourages others to exclude and mock a named child, which our Community ' +
          'Guidelines forbid. We removed it and suspended the account for three days.',
      },
      {
        harm: 'children_priority.bullying',
        ground: GUIDELINES,
        actions: [{ type: 'label', label: 'Removed from view: bullying' }],
        statement:
          'The message mocks another player. We hid it behind a label and reminded the author of ' +
          'our Community Guidelines.',
      },
    ],
  },
  {
    harm: 'illegal.suicide_self_harm',
    weight: 2,
    platform: 'forum',
    kind: 'text',
    surface: 'public',
    texts: [
      'nobody would miss you, you should just do it',
      "I don't see the point in anything any more. Tonight feels different.",
    ],
    explanations: [
      'This user is telling someone to end their life.',
      'I am worried about the person who wrote this.',
    ],
    reporters: ['user', 'user', 'trusted_flagger'],
    decisions: [
      {
        harm: 'illegal.suicide_self_harm',
        ground: illegal('Online Safety Act 2023 s.184'),
        actions: SUSPEND_WEEK,
        statement:
          'The post encourages another person to end their life. We removed it and suspended the ' +
          'account for seven days.',
      },
      {
        harm: 'children_primary.suicide',
        ground: GUIDELINES,
        actions: [{ type: 'age_restrict' }, { type: 'label', label: 'Support is available' }],
        statement:
          'The post describes the author’s own distress and breaks no law. We kept it up for adults ' +
          'only and added a label pointing to support services.',
      },
    ],
  },
]
