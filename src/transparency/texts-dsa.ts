import type { ReportTexts } from './texts.js'

/** What the DSA Art. 15(1)(a)–(c) figures are called and what each counts. */
export const DSA_TEXTS: ReportTexts<'orders' | 'notices' | 'ownInitiative'> = {
  orders: {
    title: 'Orders from authorities',
    source: 'DSA Art. 15(1)(a); Art. 9',
    figures: {
      received: {
        label: 'Orders received',
        unit: 'count',
        definition:
          'Notices received in the period from senders registered or declared as authorities.',
      },
      byHarm: {
        label: 'Orders by type of illegal content',
        unit: 'count',
        dimension: 'harm',
        definition: 'Orders received in the period, by the harm the authority named.',
      },
      byMemberState: {
        label: 'Orders by Member State',
        unit: 'count',
        dimension: 'member state',
        definition:
          'Orders received in the period by issuing Member State; Vigil does not record the issuing state, so all are counted as not recorded.',
      },
      medianHoursToAcknowledge: {
        label: 'Median time to confirm receipt',
        unit: 'hours',
        definition:
          'Median hours from an order received in the period to the acknowledgement Vigil recorded for it (orders without a contact get their receipt in the API answer only and are left out).',
      },
      medianHoursToEffect: {
        label: 'Median time to give effect',
        unit: 'hours',
        definition:
          'Median hours from an order received in the period to the decision on its case, over orders decided before the period ended.',
      },
    },
  },
  notices: {
    title: 'Notices',
    source: 'DSA Art. 15(1)(b); Art. 16; Art. 22',
    figures: {
      received: {
        label: 'Notices received',
        unit: 'count',
        definition:
          'Notices (Art. 16) received in the period from users, people without an account and trusted flaggers; orders are counted apart.',
      },
      bySender: {
        label: 'Notices by sender',
        unit: 'count',
        dimension: 'sender',
        definition: 'Notices received in the period, by who sent them.',
      },
      byHarm: {
        label: 'Notices by type of alleged illegal content',
        unit: 'count',
        dimension: 'harm',
        definition: 'Notices received in the period, by the harm the sender named.',
      },
      fromTrustedFlaggers: {
        label: 'Notices from trusted flaggers',
        unit: 'count',
        definition: 'Notices received in the period from trusted flaggers (Art. 22).',
      },
      trustedFlaggerShare: {
        label: 'Share from trusted flaggers',
        unit: 'share',
        definition: 'Notices from trusted flaggers divided by all notices received in the period.',
      },
      actionsByGround: {
        label: 'Action taken on notices, by ground',
        unit: 'count',
        dimension: 'action',
        definition:
          'Notices received in the period by the decision on their case before the period ended: acted on a legal ground, acted under the terms, no action, or not yet decided.',
      },
      automated: {
        label: 'Notices handled by automated means',
        unit: 'count',
        definition:
          'Notices received in the period whose decision was made fully or partially by automated means.',
      },
      medianHoursToAction: {
        label: 'Median time to decision',
        unit: 'hours',
        definition:
          'Median hours from a notice received in the period to the decision on its case (action or no action), over notices decided before the period ended.',
      },
      medianHoursBySender: {
        label: 'Median time to decision, by sender',
        unit: 'hours',
        dimension: 'sender',
        definition:
          'Median hours from notice to decision per sender, authorities’ orders included for comparison; a sender with no decided notice shows no value.',
      },
    },
  },
  ownInitiative: {
    title: 'Moderation on the service’s own initiative',
    source: 'DSA Art. 15(1)(c)',
    figures: {
      measures: {
        label: 'Measures taken',
        unit: 'count',
        definition:
          'Decisions made in the period with no notice on the case that restricted something (reversals and appeal decisions left out).',
      },
      byRestriction: {
        label: 'Measures by type of restriction',
        unit: 'count',
        dimension: 'restriction',
        definition:
          'Own-initiative decisions of the period per action type they took; a decision with two action types counts under each.',
      },
      byDetectionMethod: {
        label: 'Measures by detection method',
        unit: 'count',
        dimension: 'detection method',
        definition:
          'Own-initiative measures of the period by the detection that opened (or last escalated) the case.',
      },
      byGround: {
        label: 'Measures by ground',
        unit: 'count',
        dimension: 'ground',
        definition:
          'Own-initiative measures of the period by their ground: illegal content or the terms of service.',
      },
      automatedShare: {
        label: 'Share decided by automated means',
        unit: 'share',
        definition:
          'Own-initiative measures of the period decided fully or partially by automated means, divided by all of them.',
      },
      automatedDetectionShare: {
        label: 'Share detected by automated means',
        unit: 'share',
        definition:
          'Own-initiative measures of the period whose statement of reasons declares automated detection, divided by all of them.',
      },
    },
  },
}
