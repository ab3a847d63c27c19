import { z } from 'zod'
import { type ChecklistItemSpec, JUDGEMENT_CHECKLISTS } from './judgement-checklists.js'

// @NOTE The illegal content judgement (Ofcom ICU C1): what must be true for content to be
// illegal, as a checklist a moderator answers before deciding. Browser-safe: the console shows
// the same data the API validates against.

export type JudgementItem = ChecklistItemSpec

export interface JudgementChecklist {
  /** The harm whose checklist this is: the one asked for or its nearest ancestor with one. */
  harm: string
  title: string
  items: readonly JudgementItem[]
}

function parentOf(id: string): string | undefined {
  const dot = id.lastIndexOf('.')
  return dot === -1 ? undefined : id.slice(0, dot)
}

function titleFor(harm: string): string {
  if (harm === 'terms') return 'Terms of service judgement'
  if (harm.startsWith('children_')) return 'Content harmful to children judgement'
  return 'Illegal content judgement'
}

/** The checklist for `harmId` or its nearest ancestor; undefined when none has one. */
export function judgementChecklistFor(harmId: string): JudgementChecklist | undefined {
  for (let id: string | undefined = harmId; id !== undefined; id = parentOf(id)) {
    const items = Object.hasOwn(JUDGEMENT_CHECKLISTS, id) ? JUDGEMENT_CHECKLISTS[id] : undefined
    if (items) return { harm: id, title: titleFor(id), items }
  }
  return undefined
}

export const judgementInputSchema = z
  .strictObject({
    items: z
      .array(
        z.strictObject({
          id: z.string().min(1).max(60),
          met: z.boolean().describe('Whether the moderator judged this point to hold'),
        }),
      )
      .max(20),
    note: z.string().min(1).max(2000).optional(),
  })
  .describe(
    'The illegal content judgement (Ofcom ICU C1): the answers to GET /v1/harms/{id}/judgement',
  )
export type JudgementInput = z.infer<typeof judgementInputSchema>

/** A judgement as stored with its decision (the checklist is the decision's harm's). */
export type RecordedJudgement = JudgementInput

/** What is wrong with a judgement for `harmId`, or undefined; names the first bad item id. */
export function judgementProblem(
  harmId: string,
  judgement: JudgementInput,
): { path: (string | number)[]; message: string } | undefined {
  const checklist = judgementChecklistFor(harmId)
  const known = new Set(checklist?.items.map((item) => item.id) ?? [])
  const seen = new Set<string>()
  for (const [index, item] of judgement.items.entries()) {
    if (!known.has(item.id)) {
      const ids = [...known].join(', ')
      return {
        path: ['items', index, 'id'],
        message: `"${item.id}" is not an item of the judgement checklist for ${harmId}; its items are ${ids || 'none'} (GET /v1/harms/${harmId}/judgement)`,
      }
    }
    if (seen.has(item.id)) {
      return { path: ['items', index, 'id'], message: `"${item.id}" is answered twice` }
    }
    seen.add(item.id)
  }
  return undefined
}
