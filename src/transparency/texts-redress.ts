import type { ReportTexts } from './texts.js'

/** What the complaints, automated means, Art. 24(1) and Ofcom figures are called and count. */
export const REDRESS_TEXTS: ReportTexts<
  'complaints' | 'automatedTools' | 'disputesAndSuspensions' | 'ofcom'
> = {
  complaints: {
    title: 'Complaints',
    source: 'DSA Art. 15(1)(d); Art. 20',
    figures: {
      received: {
        label: 'Complaints received',
        unit: 'count',
        definition: 'Appeals and complaints received in the period.',
      },
      byBasis: {
        label: 'Complaints by basis',
        unit: 'count',
        dimension: 'basis',
        definition: 'Complaints received in the period by what they were about.',
      },
      decided: {
        label: 'Complaints decided',
        unit: 'count',
        definition: 'Complaints decided in the period, whenever they were received.',
      },
      byOutcome: {
        label: 'Complaints by outcome',
        unit: 'count',
        dimension: 'outcome',
        definition:
          'Complaints decided in the period by outcome: decision upheld, decision reversed, or (for complaints not against a decision) answered.',
      },
      medianHoursToDecision: {
        label: 'Median time to decide a complaint',
        unit: 'hours',
        definition: 'Median hours from receipt to decision over complaints decided in the period.',
      },
      reversed: {
        label: 'Decisions reversed on complaint',
        unit: 'count',
        definition: 'Appeals against decisions settled in the period that reversed the decision.',
      },
      reversalShare: {
        label: 'Share of appeals that reversed the decision',
        unit: 'share',
        definition:
          'Appeals against decisions settled in the period that reversed it, divided by those upheld or reversed.',
      },
    },
  },
  automatedTools: {
    title: 'Automated means',
    source: 'DSA Art. 15(1)(e); Art. 15(1)(c)',
    figures: {
      purposes: {
        label: 'Automated detectors in use',
        unit: 'count',
        dimension: 'detector',
        definition:
          'Signals each automated detector (a hash, URL or keyword bank, a classifier or a rule) raised in the period; they find content for review or action.',
      },
      automatedDecisions: {
        label: 'Automated decisions',
        unit: 'count',
        definition:
          'Decisions made in the period fully or partially by automated means (reversals and appeal decisions left out).',
      },
      appealedDecisions: {
        label: 'Automated decisions checked on appeal',
        unit: 'count',
        definition:
          'Automated decisions of the period on which an appeal was upheld or reversed before the period ended: the sample size of the estimate below.',
      },
      reversedDecisions: {
        label: 'Automated decisions reversed on appeal',
        unit: 'count',
        definition:
          'Automated decisions of the period that an appeal reversed before the period ended.',
      },
      estimatedErrorRate: {
        label: 'Estimated error rate (from appeals)',
        unit: 'share',
        definition:
          'An estimate, not a measurement: automated decisions reversed on appeal divided by those checked on appeal; appealed decisions are not a random sample.',
      },
      reversedShareOfAll: {
        label: 'Automated decisions reversed, of all automated decisions',
        unit: 'share',
        definition:
          'Automated decisions reversed on appeal divided by all automated decisions of the period; a lower bound of the error rate, as errors nobody appealed are not seen.',
      },
      humanReviewShare: {
        label: 'Human review of automated detections',
        unit: 'share',
        definition:
          'Decisions of the period whose detection was automated and in which a person took part (not fully automated), divided by all decisions with automated detection.',
      },
    },
  },
  disputesAndSuspensions: {
    title: 'Out-of-court disputes and suspensions',
    source: 'DSA Art. 24(1)(a)–(b); Art. 21; Art. 23',
    figures: {
      outOfCourtDisputes: {
        label: 'Disputes sent to out-of-court settlement bodies',
        unit: 'count',
        definition:
          'Vigil holds no record of out-of-court disputes (Art. 21), so none are counted; add the certified bodies’ figures by hand.',
      },
      suspensionsByCause: {
        label: 'Suspensions by cause',
        unit: 'count',
        dimension: 'cause',
        definition:
          'Account suspensions and terminations the strike policy started in the period, by the ground of the decision that set them off; senders whose notices were restricted for manifestly unfounded notices; Vigil does not restrict complaints, so that cause is zero.',
      },
    },
  },
  ofcom: {
    title: 'Ofcom transparency notice metrics',
    source: 'OSA s.77; Sch. 8 Part 1',
    figures: {
      illegalContentByHarm: {
        label: 'Illegal content acted on, by kind',
        unit: 'count',
        dimension: 'harm',
        definition:
          'Decisions made in the period that found content illegal and restricted it, by kind of illegal content (incidence).',
      },
      termsByRestriction: {
        label: 'How the terms of service were applied',
        unit: 'count',
        dimension: 'action',
        definition:
          'Decisions made in the period under the terms of service, per action type taken (no action included); a decision with two action types counts under each.',
      },
      decisionsByOrigin: {
        label: 'Decisions by what found the content',
        unit: 'count',
        dimension: 'origin',
        definition:
          'Decisions made in the period by the signal that opened (or last escalated) their case: a report or a detection technology.',
      },
      proactiveTechnologyShare: {
        label: 'Share found by proactive technology',
        unit: 'share',
        definition:
          'Decisions made in the period whose case a hash match, URL or keyword list, classifier or rule opened, divided by all decisions of the period.',
      },
      reportsReceived: {
        label: 'Reports received',
        unit: 'count',
        definition:
          'Reports (notices) received in the period from users, people without an account and trusted flaggers; authorities’ orders are counted apart.',
      },
      reportsMedianHoursToDecision: {
        label: 'Median time to decide a report',
        unit: 'hours',
        definition:
          'Median hours from a report received in the period to the decision on its case, over reports decided before the period ended (orders left out).',
      },
      complaintsReceived: {
        label: 'Complaints received',
        unit: 'count',
        definition: 'Appeals and complaints received in the period.',
      },
      complaintsMedianHoursToDecision: {
        label: 'Median time to decide a complaint',
        unit: 'hours',
        definition: 'Median hours from receipt to decision over complaints decided in the period.',
      },
    },
  },
}
