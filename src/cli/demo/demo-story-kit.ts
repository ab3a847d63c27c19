import type { ReportInput } from '../../core/report.js'
import type { Actor } from '../../core/roles.js'
import type { ReachInput, SubjectKind, SubjectRef, Surface } from '../../core/subject.js'
import type { FormValues } from '../../http/pages/form-body.js'
import { parseIntimateForm } from '../../http/routes/public/intimate-form.js'
import { parseReportForm } from '../../http/routes/public/report-form.js'
import { PUBLIC_PAGE_ACTOR } from '../../http/routes/public/routes.js'
import type { ReportReceipt } from '../../services/file-report.js'
import type { DemoRun } from './demo-run.js'
import type { Platform } from './demo-text.js'

export { ALL_DECLARED } from './demo-reports.js'

export const MINUTE = 60_000
export const HOUR = 60 * MINUTE
export const DAY = 24 * HOUR

/** One scripted thing that happens in the demo, `at` ms after the demo's first moment. */
export interface StoryStep {
  at: number
  run(run: DemoRun): Promise<unknown>
}

/** A chapter of the story, given how long the demo spans (its last moment is "now"). */
export type Chapter = (span: number) => StoryStep[]

/** A step `hoursAgo` before the end of the demo. */
export function ago(span: number, hoursAgo: number, run: StoryStep['run']): StoryStep {
  return { at: span - Math.round(hoursAgo * HOUR), run }
}

interface PostSpec {
  id: string
  author: string
  text: string
  kind?: SubjectKind
  surface?: Surface
  reach?: ReachInput
}

/** Where a piece of content of a demo platform can be seen. */
export function urlOf(platform: Platform, id: string): string {
  return platform === 'forum'
    ? `https://forum.example/p/${id}`
    : `https://${platform}.example/m/${id}`
}

/** A subject as the platform names it in a notice. */
export function subjectRef(platform: Platform, spec: PostSpec): SubjectRef {
  return {
    id: spec.id,
    kind: spec.kind ?? 'text',
    surface: spec.surface ?? 'public',
    author: { id: spec.author },
    text: spec.text,
    url: urlOf(platform, spec.id),
    ...(spec.reach ? { reach: spec.reach } : {}),
  }
}

/** A platform user's notice relayed with the platform's key. */
export function userNotice(
  subject: SubjectRef,
  harm: string,
  explanation: string,
  reporter: ReportInput['reporter'],
): ReportInput {
  return {
    subject,
    harm,
    explanation,
    contentUrls: subject.url ? [subject.url] : [],
    reporter,
    goodFaith: true,
  }
}

/** The subject's key in the demo's books: `kind:externalId`. */
export function keyOf(subject: Pick<SubjectRef, 'id' | 'kind'>): string {
  return `${subject.kind}:${subject.id}`
}

/** Someone fills in a public report page; the page's own parser checks the answers. */
export async function sendReportPage(
  run: DemoRun,
  form: 'report' | 'intimate-image',
  values: FormValues,
  address: string,
): Promise<ReportReceipt> {
  const parsed =
    form === 'report' ? parseReportForm(run.ctx.taxonomy, values) : parseIntimateForm(values)
  if (!parsed.input) {
    const problems = parsed.errors.map((e) => `${e.field}: ${e.message}`).join('; ')
    throw new Error(`the demo's ${form} form did not pass the page's checks: ${problems}`)
  }
  return run.reportOnPage(parsed.input, PUBLIC_PAGE_ACTOR, address)
}

/** The subject's open case; a missing one is a bug in the story's order. */
export function openCaseFor(run: DemoRun, subject: Pick<SubjectRef, 'id' | 'kind'>): string {
  const caseId = run.openCaseOf(keyOf(subject))
  if (!caseId) throw new Error(`the demo story has no open case for ${keyOf(subject)}`)
  return caseId
}

/** A name the story gave an id earlier; a missing one is a bug in the story's order. */
export function named(run: DemoRun, name: string): string {
  const id = run.named.get(name)
  if (!id) throw new Error(`the demo story has no "${name}" yet: check the order of its steps`)
  return id
}

/** The demo moderators: 0 Asha, 1 Tom, 2 Inès. */
export function moderator(run: DemoRun, index: 0 | 1 | 2): Actor {
  return run.cast.moderators[index]
}
