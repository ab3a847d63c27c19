import { GUIDELINES, illegal } from './demo-decisions.js'
import type { ReportScenario } from './demo-reports.js'

/** Notices about the everyday harms: threats, drugs, weapons, spam and more. */
export const MORE_SCENARIOS: readonly ReportScenario[] = [
  {
    harm: 'illegal.harassment.threat_to_life',
    weight: 2,
    platform: 'dating',
    kind: 'message',
    surface: 'private',
    texts: [
      'I found your address. Come to the meet-up on Friday and you will not walk home.',
      'Block me again and I will hurt you badly, I am not joking.',
    ],
    explanations: [
      'After I stopped replying he found out where I live and threatened me.',
      'This person is threatening to hurt me.',
    ],
    reporters: ['user'],
    decisions: [
      {
        harm: 'illegal.harassment.threat_to_life',
        ground: illegal('Online Safety Act 2023 s.181'),
        actions: [{ type: 'remove' }, { type: 'terminate_account' }],
        statement:
          'The message threatens serious harm to the person it was sent to. We removed it and ' +
          'closed the account.',
      },
    ],
  },
  {
    harm: 'illegal.harassment',
    weight: 1,
    platform: 'forum',
    kind: 'text',
    surface: 'public',
    texts: [
      'Here is her work number again. Everyone keep calling until she quits.',
      'Day 14 of posting about you until you leave this forum.',
    ],
    explanations: [
      'This user keeps posting my details and telling people to call my work.',
      'The same person has posted about me every day for two weeks.',
    ],
    reporters: ['user'],
    decisions: [
      {
        harm: 'illegal.harassment',
        ground: illegal('Protection from Harassment Act 1997 s.2'),
        actions: [{ type: 'remove' }, { type: 'suspend_account', durationHours: 168 }],
        statement:
          'The posts are part of a course of conduct meant to distress one person. We removed them ' +
          'and suspended the account for seven days.',
      },
    ],
  },
  {
    harm: 'illegal.drugs',
    weight: 2,
    platform: 'game',
    kind: 'message',
    surface: 'group',
    texts: [
      'selling pills and powder, menu in DM, discreet delivery across the city',
      'got the good stuff again this weekend, message me for prices',
    ],
    explanations: ['This account is selling drugs in the lobby chat.', 'Drug dealing.'],
    reporters: ['user', 'user', 'trusted_flagger'],
    decisions: [
      {
        harm: 'illegal.drugs',
        ground: illegal('Misuse of Drugs Act 1971 s.4'),
        actions: [{ type: 'remove' }, { type: 'suspend_account', durationHours: 720 }],
        statement:
          'The message offers controlled drugs for sale. We removed it and suspended the account ' +
          'for 30 days.',
      },
    ],
  },
  {
    harm: 'illegal.weapons',
    weight: 1,
    platform: 'forum',
    kind: 'text',
    surface: 'public',
    texts: ['Zombie knives for sale, no ID needed, collection or post.'],
    explanations: ['Someone is selling banned knives with no age check.'],
    reporters: ['user', 'trusted_flagger'],
    decisions: [
      {
        harm: 'illegal.weapons',
        ground: illegal('Criminal Justice Act 1988 s.141A'),
        actions: [{ type: 'remove' }, { type: 'terminate_account' }],
        statement:
          'The post offers banned bladed weapons for sale without an age check. We removed it and ' +
          'closed the account.',
      },
    ],
  },
  {
    harm: 'children_primary.eating_disorders',
    weight: 1,
    platform: 'forum',
    kind: 'text',
    surface: 'public',
    texts: [
      'Tips to hide skipping meals from your parents: say you ate at a friend’s and wear layers.',
    ],
    explanations: ['This post coaches young people to hide an eating disorder.'],
    reporters: ['user'],
    decisions: [
      {
        harm: 'children_primary.eating_disorders',
        ground: GUIDELINES,
        actions: [{ type: 'remove' }],
        statement:
          'The post encourages hiding disordered eating, which our Community Guidelines forbid. ' +
          'We removed it.',
      },
    ],
  },
  {
    harm: 'illegal.cyberflashing',
    weight: 1,
    platform: 'dating',
    kind: 'image',
    surface: 'private',
    texts: ['[image]'],
    explanations: ['He sent me an explicit photo I never asked for, straight after we matched.'],
    reporters: ['user'],
    decisions: [
      {
        harm: 'illegal.cyberflashing',
        ground: illegal('Sexual Offences Act 2003 s.66A'),
        actions: [{ type: 'remove' }, { type: 'terminate_account' }],
        statement:
          'The account sent an unsolicited sexual image to cause alarm. We removed it and closed ' +
          'the account.',
      },
    ],
  },
  {
    harm: 'terms',
    weight: 2,
    platform: 'forum',
    kind: 'text',
    surface: 'public',
    texts: [
      'follow for follow!!! giveaway at 500 followers, link in bio',
      'Cheap followers and likes, 1000 for £5, DM me',
    ],
    explanations: ['Spam, posted in every thread.', 'This is spam.'],
    reporters: ['user'],
    decisions: [
      {
        harm: 'terms',
        ground: GUIDELINES,
        actions: [{ type: 'demote' }, { type: 'label', label: 'Spam' }],
        statement:
          'The post is repeated promotional spam, which our Community Guidelines forbid. We labelled ' +
          'it and stopped recommending it.',
      },
    ],
  },
]

/** What people report when the post is only rude, or they simply dislike it. */
export const SPURIOUS_REPORTS = [
  { harm: 'children_priority.bullying', explanation: 'This person is always rude to me.' },
  { harm: 'illegal.hate', explanation: 'I find this offensive.' },
  { harm: 'terms', explanation: 'This is off-topic and annoying.' },
  { harm: 'illegal.fraud', explanation: 'Looks like a scam to me?' },
] as const
