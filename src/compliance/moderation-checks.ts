import {
  governance,
  type MeasureStatus,
  met,
  plural,
  status,
  subscribed,
  type VigilSetup,
} from './measure-setup.js'

// @NOTE Governance and moderation measures (ICU A, C1–C8, H1) against Vigil's policy, people and
// webhooks. A measure Vigil supports but the service decides (SW+) is "met" for Vigil's part,
// with the service's part named in outsideVigil.

export function checkA2(s: VigilSetup): MeasureStatus {
  const person = s.responsiblePerson
  return governance(
    person ? [`named person responsible in the assessment: ${person.name}, ${person.role}`] : [],
  )
}

export function checkA4(): MeasureStatus {
  return governance([
    'Every change of state is in the hash-chained audit log (vigil audit verify; GET /v1/audit/entries), which internal assurance can sample.',
  ])
}

export function checkA5(): MeasureStatus {
  return met([
    'Per-harm figures with 12-month trends: the live evidence of each risk assessment (reports, detections, restrictive decisions).',
    'Daily cases by harm and source: GET /v1/stats/dashboard (the console dashboard).',
  ])
}

export function checkC1(s: VigilSetup): MeasureStatus {
  const { consoleUsers, moderatorKeys } = s.reviewers
  const evidence = [
    `${s.policy.queues.definitions.length} review queues; every notice and held detection opens a case`,
    'an illegal content judgement checklist for each kind of priority illegal content beside each case (GET /v1/harms/{id}/judgement), recorded with the decision',
    `${plural(consoleUsers, 'console user', 'console users')} who may decide cases; ${plural(moderatorKeys, 'moderator or admin API key', 'moderator or admin API keys')}`,
  ]
  if (consoleUsers + moderatorKeys === 0) {
    return status('not_met', evidence, [
      'nobody can review cases: add a console user with a deciding role (vigil users create) or a moderator API key (vigil keys create)',
    ])
  }
  return met(evidence)
}

export function checkTakedown(s: VigilSetup, what: string): MeasureStatus {
  const n = subscribed(s, 'action.requested')
  const evidence = [
    `decisions ask the platform to act through the action.requested webhook; ${plural(n, 'endpoint receives', 'endpoints receive')} it`,
  ]
  if (n === 0) {
    return status('not_met', evidence, [
      `no webhook endpoint receives action.requested, so the platform is never told ${what}: register one (POST /v1/webhooks with events ["action.requested", …])`,
    ])
  }
  return met(evidence, 'The platform must act on each action.requested webhook at once.')
}

export function checkC3(s: VigilSetup): MeasureStatus {
  const evidence = [
    `written policy: ${s.policy.queues.definitions.length} queues, ${s.policy.queues.routes.length} routes, a strike ladder of ${s.policy.strikes.ladder.length} steps`,
    `the harm taxonomy with the service's own terms (${s.termsNodes} terms nodes)`,
  ]
  if (s.defaultPolicy) {
    return status('partly', evidence, [
      "Vigil's built-in default policy is in use: write your own (VIGIL_POLICY_FILE) with your queues, routes, deadlines and strike ladder",
    ])
  }
  return met(evidence, 'The content policies themselves are the service’s to write and keep.')
}

export function checkC4(s: VigilSetup): MeasureStatus {
  const targets = s.policy.queues.definitions.map(
    (q) =>
      `${q.label} ${q.slaHours} h${q.legalDeadlineHours ? ` (legal deadline ${q.legalDeadlineHours} h)` : ''}`,
  )
  return met(
    [
      `speed targets per queue: ${targets.join('; ')}`,
      'time to decision against each target and the share of appeals reversed (accuracy): GET /v1/stats/dashboard',
    ],
    'Set the accuracy targets and review the figures against them.',
  )
}

export function checkC5(s: VigilSetup): MeasureStatus {
  const { priority } = s.policy.queues
  const trust = priority.sourceTrust
  const evidence = [
    'priority = severity of the harm × reach × trust in the source, plus boosts near and past the deadline',
    `reach: +${priority.reachPerTenfold} per tenfold of views or followers, at most ×${priority.reachMaxFactor}`,
    `trust: authority ×${trust.authority}, trusted flagger ×${trust.trusted_flagger}, user report ×${trust.user_report}`,
  ]
  const gaps: string[] = []
  if (priority.reachPerTenfold === 0 || priority.reachMaxFactor <= 1) {
    gaps.push('virality and reach are not weighed: set queues.priority.reachPerTenfold above 0')
  }
  for (const source of ['trusted_flagger', 'authority'] as const) {
    if (trust[source] <= trust.user_report) {
      gaps.push(
        `${source} notices are not ranked above user reports: raise queues.priority.sourceTrust.${source}`,
      )
    }
  }
  return gaps.length > 0 ? status('partly', evidence, gaps) : met(evidence)
}

export function checkC8(): MeasureStatus {
  return met(
    ['the judgement checklist and plain-words guidance for each harm are shown beside every case'],
    'Write the materials for volunteer moderators.',
  )
}

export function checkH1(): MeasureStatus {
  return met(
    [
      'accounts can be reviewed as subjects of kind "account" and closed (terminate_account) under illegal.terrorism',
    ],
    'Run the profile and content-sample tests (H1.6, H1.7) and send suspected accounts for review.',
  )
}

export function checkGoverned(evidence: string[] = []): () => MeasureStatus {
  return () => governance(evidence)
}
