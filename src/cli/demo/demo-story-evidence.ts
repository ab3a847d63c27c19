import { createHash } from 'node:crypto'
import type { BankInput } from '../../core/bank.js'
import { suppliedDetailsSchema } from '../../core/csea-report.js'
import { legalHoldInputSchema, preservationRequestInputSchema } from '../../core/evidence.js'
import type { ContentInput } from '../../core/subject.js'
import { addBankEntries, createBank, listBanksWithCounts } from '../../services/banks.js'
import { attachSuppliedDetails } from '../../services/csea-reports/account-details.js'
import { listCseaReports } from '../../services/csea-reports/review.js'
import { placeLegalHold } from '../../services/legal-holds.js'
import { recordPreservationRequest } from '../../services/preservation-requests.js'
import { DEMO_ADMIN, DEMO_PLATFORM } from './demo-actors.js'
import { KNOWN_MEDIA } from './demo-banks.js'
import { HIT_DECISIONS, illegal, toDecisionInput } from './demo-decisions.js'
import type { DemoRun } from './demo-run.js'
import { ago, DAY, HOUR, moderator, named, openCaseFor, type StoryStep } from './demo-story-kit.js'

/**
 * Stand-ins for a known child sexual abuse hash list (such as the IWF's): harmless byte strings
 * whose SHA-256 is in the demo's bank. The demo holds no abuse imagery of any kind.
 */
export const CSAM_STAND_INS = [
  'vigil demo: stand-in for a known CSAM hash-list entry #1 (harmless bytes, no image)',
  'vigil demo: stand-in for a known CSAM hash-list entry #2 (harmless bytes, no image)',
].map((text) => Buffer.from(text, 'utf8'))

export const CSAM_BANK: BankInput = {
  name: 'demo-known-csam-stand-ins',
  kind: 'sha256',
  harm: 'illegal.csea.image_csam',
  source: 'imported',
  action: 'block',
  description:
    'Demo: stands in for a known child sexual abuse hash list; SHA-256 of harmless byte strings, no imagery',
}

function upload(id: string, author: string, bytes: Buffer, text?: string): ContentInput {
  return {
    id,
    kind: 'image',
    surface: 'public',
    author: { id: author },
    ...(text ? { text } : {}),
    url: `https://forum.example/media/${id}`,
    media: [{ base64: bytes.toString('base64') }],
    metadata: { platform: 'forum', channel: 'photos', note: 'demo bytes stand in for an image' },
  }
}

const CSAM_UPLOAD = upload('forum-image-960', 'forum-user-960', CSAM_STAND_INS[0] as Buffer)
const TERROR_UPLOAD = upload(
  'forum-image-961',
  'forum-user-961',
  KNOWN_MEDIA[1] as Buffer,
  'they can delete it but we have copies',
)
const THREAT: ContentInput = {
  id: 'forum-post-962',
  kind: 'text',
  surface: 'public',
  author: { id: 'forum-user-962' },
  text: 'Everyone knows who wrote that review of my garage. I know where you live, I will find you after your shift and you will regret this.',
  url: 'https://forum.example/t/general/962',
  media: [],
  metadata: { platform: 'forum', channel: 'general' },
}

/**
 * Evidence and CSEA reporting (issue 6): an upload matching the stand-in CSAM hash list is
 * blocked and sealed at ingest, removed by a moderator (its evidence preserved, an NCA report
 * drafted and the platform's account details attached; never approved, so nothing is sent); a
 * threat to kill is removed and the police's preservation request is met at once; terrorist
 * media is removed and held for counter-terrorism police; a request about the open terrorism
 * case is recorded at the very end and left pending for the worker.
 */
export function evidenceChapter(span: number): StoryStep[] {
  return [
    ago(span, 29 * 24, importCsamList),
    ago(span, 6 * 24, (run) => run.ingest(TERROR_UPLOAD)),
    ago(span, 6 * 24 - 1, (run) => decideOn(run, TERROR_UPLOAD, HIT_DECISIONS.terror_media)),
    ago(span, 5 * 24, holdTerrorCase),
    ago(span, 4 * 24, (run) => run.ingest(THREAT)),
    ago(span, 4 * 24 - 2, (run) => decideOn(run, THREAT, HIT_DECISIONS.threat)),
    ago(span, 3 * 24, recordMetRequest),
    ago(span, 7, (run) => run.ingest(CSAM_UPLOAD)),
    ago(span, 6, decideCsam),
    ago(span, 5, attachAccountDetails),
    // @NOTE Last of the story: a decision after it would run its preservation, and it would no
    // longer be pending. `serve --demo` starts the worker, which preserves it within seconds.
    ago(span, 1 / 12, recordPendingRequest),
    ago(span, 1 / 30, countCseaDrafts),
  ]
}

async function importCsamList(run: DemoRun): Promise<void> {
  const found = (await listBanksWithCounts(run.ctx)).find((b) => b.name === CSAM_BANK.name)
  const id = found?.id ?? (await createBank(run.ctx, DEMO_ADMIN, CSAM_BANK)).id
  const entries = CSAM_STAND_INS.map((bytes, i) => ({
    value: createHash('sha256').update(bytes).digest('hex'),
    note: `demo stand-in ${i + 1}`,
  }))
  await addBankEntries(run.ctx, DEMO_ADMIN, id, entries)
}

async function decideOn(
  run: DemoRun,
  subject: ContentInput,
  template: (typeof HIT_DECISIONS)['threat' | 'terror_media'],
): Promise<void> {
  const caseId = openCaseFor(run, subject)
  await run.decide(moderator(run, 0), caseId, toDecisionInput(template, true))
  run.named.set(`case:${subject.id}`, caseId)
}

async function decideCsam(run: DemoRun): Promise<void> {
  const caseId = openCaseFor(run, CSAM_UPLOAD)
  await run.decide(moderator(run, 1), caseId, {
    harm: 'illegal.csea.image_csam',
    ground: illegal('Protection of Children Act 1978 s.1'),
    actions: [{ type: 'remove' }, { type: 'terminate_account' }],
    statement:
      'The upload matches a known child sexual abuse image in our hash list. We removed it, closed the account, preserved the evidence and drafted a report to the National Crime Agency.',
    automatedDetection: true,
    automatedDecision: 'not',
  })
  run.named.set('case:csam', caseId)
}

/** The platform sends what only it holds; phones, billing and EXIF stay "not available". */
async function attachAccountDetails(run: DemoRun): Promise<void> {
  const uploadedAt = new Date(run.ctx.clock.now().getTime() - 2 * HOUR).toISOString()
  const details = suppliedDetailsSchema.parse({
    account: {
      username: 'quietfox_960',
      profileUrl: 'https://forum.example/u/forum-user-960',
      emails: [{ address: 'quietfox960@mail.example', verified: true }],
      loginIps: [{ ip: '198.51.100.23', port: 51_234, at: uploadedAt }],
    },
    upload: { at: uploadedAt, ip: '198.51.100.23', port: 51_234 },
  })
  await attachSuppliedDetails(run.ctx, DEMO_PLATFORM, named(run, 'case:csam'), details)
}

async function holdTerrorCase(run: DemoRun): Promise<void> {
  const input = legalHoldInputSchema.parse({
    caseId: named(run, `case:${TERROR_UPLOAD.id}`),
    reason:
      'Counter Terrorism Policing are investigating the account that shared this; keep everything until they say the investigation is over',
    requester: 'Counter Terrorism Policing North East (demo)',
  })
  await placeLegalHold(run.ctx, DEMO_ADMIN, input)
  run.summary.evidence.holds += 1
}

interface RequestSpec {
  authority: string
  reference: string
  /** The case, by the name the story gave it. */
  caseName: string
  receivedHoursAgo: number
  preserveWithinDays: number
  notes?: string
}

/**
 * The liaison records an authority's request (a hold and a queued preservation); without an
 * evidence key (PostgreSQL with none set) nothing can be preserved, so nothing is recorded.
 */
async function recordRequest(run: DemoRun, spec: RequestSpec): Promise<boolean> {
  if (!run.ctx.evidence.keyring) return false
  const now = run.ctx.clock.now().getTime()
  const input = preservationRequestInputSchema.parse({
    authority: spec.authority,
    reference: spec.reference,
    caseId: named(run, spec.caseName),
    receivedAt: new Date(now - spec.receivedHoursAgo * HOUR).toISOString(),
    preserveBy: new Date(now + spec.preserveWithinDays * DAY).toISOString(),
    ...(spec.notes ? { notes: spec.notes } : {}),
  })
  await recordPreservationRequest(run.ctx, DEMO_ADMIN, input)
  return true
}

/** Received this morning, deadline in a week, preserved at once: met. */
async function recordMetRequest(run: DemoRun): Promise<void> {
  const recorded = await recordRequest(run, {
    authority: 'Northshire Police Public Protection Unit (demo)',
    reference: 'NPPU/2026/0412',
    caseName: `case:${THREAT.id}`,
    receivedHoursAgo: 2,
    preserveWithinDays: 7,
    notes:
      'Threats to kill (Offences Against the Person Act 1861 s.16); officer in charge DC R. Hale.',
  })
  if (!recorded) return
  await run.preserve()
  run.summary.evidence.requestsMet += 1
}

/** The police asked in their notice to preserve the attack video; the liaison records it. */
async function recordPendingRequest(run: DemoRun): Promise<void> {
  const recorded = await recordRequest(run, {
    authority: 'Northshire Police Social Media Hub (demo)',
    reference: 'NSMH-2026-1187',
    caseName: 'case:terror',
    receivedHoursAgo: 3,
    preserveWithinDays: 2,
  })
  if (recorded) run.summary.evidence.requestsPending += 1
}

async function countCseaDrafts(run: DemoRun): Promise<void> {
  const drafts = await listCseaReports(run.ctx, { status: 'draft', limit: 1, offset: 0 })
  run.summary.cseaDrafts = drafts.total
}
