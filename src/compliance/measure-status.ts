import { consoleMay } from '../core/console-roles.js'
import { DEFAULT_POLICY, type Policy } from '../core/policy.js'
import type { Person } from '../core/risk-assessment.js'
import type { Taxonomy } from '../core/taxonomy.js'
import { listApiKeys } from '../storage/repos/api-key-repo.js'
import { countBankEntries } from '../storage/repos/bank-entry-repo.js'
import { listBanks } from '../storage/repos/bank-repo.js'
import { listConsoleUsers } from '../storage/repos/console-user-repo.js'
import { listFlaggers } from '../storage/repos/flagger-repo.js'
import { countPublicImagesHashed } from '../storage/repos/risk-evidence-repo.js'
import { listEndpoints } from '../storage/repos/webhook-repo.js'
import { checkC9, checkC10, checkC14 } from './bank-checks.js'
import * as d from './complaint-checks.js'
import {
  governance,
  type MeasureStatus,
  met,
  outside,
  type VigilSetup,
  weakest,
} from './measure-setup.js'
import * as m from './moderation-checks.js'
import type { RecordsContext } from './risk-assessments.js'

/** What the checks read beyond the database: the AppContext has it all. */
export interface MeasureContext extends RecordsContext {
  policy: Policy
  taxonomy: Taxonomy
  config: {
    terms: readonly unknown[]
    detection: {
      scanPrivate: boolean
      classifiers: { lexicon: { enabled: boolean }; openai?: unknown; llamaGuard?: unknown }
    }
  }
}

const DAY_MS = 86_400_000

async function readBanks(ctx: MeasureContext, at: Date): Promise<VigilSetup['banks']> {
  const banks = await listBanks(ctx.db)
  return Promise.all(
    banks.map(async (b) => ({
      name: b.name,
      kind: b.kind,
      harm: b.harm,
      source: b.source,
      enabled: b.enabled,
      activeEntries: (await countBankEntries(ctx.db, b.id, at)).active,
    })),
  )
}

async function readReviewers(ctx: MeasureContext): Promise<VigilSetup['reviewers']> {
  const users = await listConsoleUsers(ctx.db)
  const keys = await listApiKeys(ctx.db)
  return {
    consoleUsers: users.filter(
      (u) => !u.disabledAt && consoleMay(u.role, 'POST', '/v1/cases/{id}/decisions'),
    ).length,
    moderatorKeys: keys.filter(
      (k) => !k.revokedAt && (k.role === 'moderator' || k.role === 'admin'),
    ).length,
  }
}

/** Reads Vigil's configuration and the database once, for every measure's check. */
export async function readSetup(
  ctx: MeasureContext,
  responsiblePerson: Person | null,
): Promise<VigilSetup> {
  const at = ctx.clock.now()
  const { classifiers } = ctx.config.detection
  return {
    policy: ctx.policy,
    taxonomy: ctx.taxonomy,
    defaultPolicy: JSON.stringify(ctx.policy) === JSON.stringify(DEFAULT_POLICY),
    termsNodes: ctx.config.terms.length,
    banks: await readBanks(ctx, at),
    webhookEvents: (await listEndpoints(ctx.db)).filter((e) => e.enabled).map((e) => e.events),
    flaggers: (await listFlaggers(ctx.db)).map((f) => ({ kind: f.kind, enabled: f.enabled })),
    reviewers: await readReviewers(ctx),
    publicImagesHashed: await countPublicImagesHashed(ctx.db, new Date(at.getTime() - 30 * DAY_MS)),
    scanPrivate: ctx.config.detection.scanPrivate,
    classifiers: [
      ...(classifiers.lexicon.enabled ? ['offline lexicon'] : []),
      ...(classifiers.openai ? ['OpenAI moderation'] : []),
      ...(classifiers.llamaGuard ? ['Llama Guard'] : []),
    ],
    responsiblePerson,
  }
}

type Check = (s: VigilSetup) => MeasureStatus

const ICU_CHECKS: Record<string, Check> = {
  A2: m.checkA2,
  A4: m.checkA4,
  A5: m.checkA5,
  C1: m.checkC1,
  C2: (s) => m.checkTakedown(s, 'to take content down'),
  C3: m.checkC3,
  C4: m.checkC4,
  C5: m.checkC5,
  C7: m.checkGoverned([
    'the judgement checklists and guidance in the console can be training material',
  ]),
  C8: m.checkC8,
  C9: checkC9,
  C10: checkC10,
  C14: checkC14,
  C15: m.checkGoverned([
    'queues, deadlines and the case.escalated webhook can carry a crisis response',
  ]),
  C16: () => outside('Set up a crisis channel for law enforcement.'),
  D1: d.checkD1,
  D2: d.checkD2,
  D3: d.checkD3,
  D4: d.checkD4,
  D5: d.checkD5,
  D6: d.checkD6,
  D7: d.checkD7,
  D8: d.checkAppeals,
  D9: d.checkAppeals,
  D10: (s) => m.checkTakedown(s, 'to restore content or lift a restriction after an appeal'),
  D11: d.checkD11,
  D12: d.checkD12,
  D13: d.checkD13,
  D14: d.checkD14,
  E1: () => outside('Collect safety metrics when testing recommender systems on the platform.'),
  F1: () => outside('Set the safety defaults for children in the product.'),
  F2: () => outside('Show children supportive information at key moments.'),
  G1: () => outside('State these protections in the terms of service.'),
  G3: () =>
    outside(
      'Make the terms findable without signing in, readable and usable with assistive technology.',
    ),
  H1: m.checkH1,
  'J1 / J2 / J3': () =>
    outside('Offer block and mute, disabling comments, and policies for verification schemes.'),
}

const icu = (id: string, s: VigilSetup) => (ICU_CHECKS[id] ?? (() => governance()))(s)
const HEAA = 'Use an age assurance provider that meets the highly effective criteria.'

const PCU_CHECKS: Record<string, Check> = {
  B1: () => outside(HEAA),
  B2: () => outside(HEAA),
  B3: () => outside(HEAA),
  B4: () => outside(HEAA),
  B5: () => outside(HEAA),
  'B6–B7': () => outside(HEAA),
  'C1 / C2': (s) =>
    weakest(
      [icu('C1', s), icu('C2', s)],
      [
        'the taxonomy holds primary priority and priority content harmful to children; decisions can take it down or age-restrict it',
      ],
    ),
  'C3–C8': (s) => weakest(['C3', 'C4', 'C5', 'C8'].map((id) => icu(id, s))),
  'D1–D10': (s) =>
    weakest(['D1', 'D2', 'D4', 'D5', 'D6', 'D7', 'D8', 'D10'].map((id) => icu(id, s))),
  D11: () => met(['complaints of kind age_assessment are accepted and decided as appeals']),
  D12: () => met(['complaints of kind age_assessment are accepted and decided as appeals']),
  D13: d.checkD12,
  D14: d.checkD13,
  E: () => outside('Filter children’s feeds in the recommender systems.'),
  F: () => outside('Show support materials and signposting in the product.'),
  J: () => outside('Offer block, mute, disabling comments and declining group-chat invitations.'),
  G1: () => outside('State these protections in the terms of service.'),
  G2: () => outside('Summarise the children’s risk assessment in the terms of service.'),
  G3: () => outside('Make the terms clear and usable with assistive technology.'),
}

/** Whether Vigil's configuration carries a measure out; governance rows are record-only. */
export function measureStatus(
  measure: { code: 'ICU' | 'PCU'; id: string },
  setup: VigilSetup,
): MeasureStatus {
  const check = (measure.code === 'ICU' ? ICU_CHECKS : PCU_CHECKS)[measure.id]
  return check ? check(setup) : governance()
}
