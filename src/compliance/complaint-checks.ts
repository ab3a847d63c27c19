import {
  type MeasureStatus,
  met,
  plural,
  status,
  subscribed,
  type VigilSetup,
} from './measure-setup.js'

// @NOTE The reporting and complaints measures (ICU D1–D14) against Vigil's public pages, policy,
// flaggers and the webhook that hands messages to the platform to deliver.

export function checkD1(): MeasureStatus {
  return met([
    'the public report page (GET /report, /report/intimate-image) takes notices from anyone, with no account',
    'complaints and appeals: the public page /appeal and POST /v1/appeals, of kinds decision, proactive_technology, duty_breach, age_assessment and other, from authors, reporters, users and non-users',
  ])
}

export function checkD2(s: VigilSetup): MeasureStatus {
  const publicUrl = s.policy.reporting.page.publicUrl
  const evidence = [
    'the report page works without JavaScript, with a keyboard and a screen reader (checked with axe), in few steps, and can be embedded (policy.reporting.page.frameAncestors)',
    publicUrl
      ? `the public pages are at ${publicUrl}`
      : 'no public address is set for the report pages',
  ]
  const outsideVigil =
    'Put a report button on each item that opens the report page (or calls POST /v1/reports).'
  if (!publicUrl) {
    return status(
      'partly',
      evidence,
      [
        'set policy.reporting.page.publicUrl so report buttons and Vigil’s messages can link to the pages',
      ],
      outsideVigil,
    )
  }
  return met(evidence, outsideVigil)
}

export function checkD3(): MeasureStatus {
  return met([
    'the report page says what happens after a report (who checks it, what could happen, whether we reply) before it is sent',
  ])
}

/** Messages are written as notifications; the platform delivers them from a webhook. */
function messages(s: VigilSetup, what: string, shown: string): MeasureStatus {
  const n = subscribed(s, 'notification.requested')
  const evidence = [
    `${what} are written for each reporter who can be reached, and ${shown}`,
    `${plural(n, 'webhook endpoint receives', 'webhook endpoints receive')} notification.requested`,
  ]
  if (n === 0) {
    return status('partly', evidence, [
      `no webhook endpoint receives notification.requested, so ${what} are never sent: register one (POST /v1/webhooks) and deliver each message`,
    ])
  }
  return met(evidence, 'Deliver each notification.requested message to its recipient.')
}

export function checkD4(s: VigilSetup): MeasureStatus {
  return messages(
    s,
    'acknowledgements with the expected decision time (and any legal deadline)',
    'shown on the page after a web report',
  )
}

export function checkD5(s: VigilSetup): MeasureStatus {
  return messages(
    s,
    'what happens next, the possible outcomes and the outcome itself',
    'shown on the report page and the private status page',
  )
}

export function checkD6(): MeasureStatus {
  return met([
    'reporters can opt out of follow-up messages ("Send me updates" on the page, followUp in the API); opted-out messages are kept as suppressed and never sent',
  ])
}

export function checkD7(): MeasureStatus {
  return met([
    'every notice opens or joins its subject’s case in the queue the policy routes it to',
  ])
}

export function checkAppeals(s: VigilSetup): MeasureStatus {
  const queue = (id: string) => s.policy.queues.definitions.find((q) => q.id === id)
  const appeals = queue(s.policy.appeals.queue)
  const expedited = queue(s.policy.appeals.expeditedQueue)
  return met([
    `appeals are cases in "${appeals?.label}" (target ${appeals?.slaHours} h) and "${expedited?.label}" (target ${expedited?.slaHours} h), prioritised like other cases and escalated near their deadline`,
    'an appeal is decided by someone other than the first decider, never solely by automation',
  ])
}

export function checkD11(): MeasureStatus {
  return met([
    'complaints of kind proactive_technology (content taken down or restricted by proactive technology) are accepted and reviewed like appeals',
  ])
}

export function checkD12(): MeasureStatus {
  return met(
    [
      'complaints of kinds duty_breach, age_assessment and other go to the appeals queue and are answered',
    ],
    'Nominate the individual or team who handles them.',
  )
}

export function checkD13(s: VigilSetup): MeasureStatus {
  const m = s.policy.misuse
  return status(
    'partly',
    [
      `notices: senders of ${m.unfoundedThreshold} or more manifestly unfounded notices in ${m.windowDays} days are warned, then ${m.restriction === 'refuse' ? 'refused' : 'deprioritised'} (DSA Art. 23)`,
      'complaints are never disregarded by Vigil',
    ],
    [],
    'This optional measure needs a written policy and an annual review.',
  )
}

export function checkD14(s: VigilSetup): MeasureStatus {
  const routed = s.policy.queues.routes.some((r) => r.sources?.includes('trusted_flagger'))
  const flaggers = s.flaggers.filter((f) => f.kind === 'trusted_flagger' && f.enabled).length
  const evidence = [
    routed
      ? 'notices from trusted flaggers go to their own queue'
      : 'notices from trusted flaggers share the general queues',
    `${plural(flaggers, 'trusted flagger', 'trusted flaggers')} registered and enabled, each with its own API keys`,
  ]
  const gaps = [
    ...(routed ? [] : ['route source trusted_flagger to a dedicated queue (policy queues.routes)']),
    ...(flaggers > 0
      ? []
      : [
          'register the trusted flaggers for fraud (POST /v1/flaggers, vigil flaggers create) and give them keys',
        ]),
  ]
  return gaps.length > 0 ? status('partly', evidence, gaps) : met(evidence)
}
