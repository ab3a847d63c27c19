import { useState } from 'react'
import { useApi } from '../../api/api-context'
import type { ConsoleUser } from '../../api/views'
import { messageOf } from '../../lib/use-load'
import { claimCase, shortId } from '../queues/queue-data'
import { type CaseDetail, type HarmView, recordDecision, saveRevealMedia } from './case-data'
import { type DecisionDraft, draftBody, emptyDraft } from './decision-draft'

export interface CaseWork {
  draft: DecisionDraft
  setDraft: (draft: DecisionDraft) => void
  busy: boolean
  status: string
  error: { message: string; problems: string[] } | undefined
  revealMedia: boolean
  savingReveal: boolean
  decide: (checklist: readonly string[]) => Promise<void>
  claim: () => Promise<void>
  setRevealMedia: (reveal: boolean) => Promise<void>
}

/** The problems an API error lists field by field, e.g. from a rejected decision body. */
function problemsOf(error: unknown): string[] {
  const details = (error as { details?: unknown }).details
  if (!Array.isArray(details)) return []
  return details
    .map((d: { field?: unknown; message?: unknown }) =>
      typeof d?.message === 'string'
        ? `${typeof d.field === 'string' ? `${d.field}: ` : ''}${d.message}`
        : '',
    )
    .filter(Boolean)
}

/** The case page's state and what it does: decide, claim, and the media preference. */
export function useCaseWork(
  c: CaseDetail,
  harms: HarmView[],
  user: ConsoleUser,
  reload: () => Promise<void>,
  onUserChange: (user: ConsoleUser) => void,
): CaseWork {
  const api = useApi()
  const [draft, setDraft] = useState(() => emptyDraft(c.harm ?? '', harms))
  const [busy, setBusy] = useState(false)
  const [status, setStatus] = useState('')
  const [error, setError] = useState<CaseWork['error']>()
  const [savingReveal, setSavingReveal] = useState(false)
  const [revealMedia, setReveal] = useState(user.preferences.revealMedia)

  async function run(action: () => Promise<string>): Promise<void> {
    setBusy(true)
    setError(undefined)
    try {
      const done = await action()
      await reload()
      setStatus(done)
    } catch (caught) {
      setError({ message: messageOf(caught), problems: problemsOf(caught) })
    } finally {
      setBusy(false)
    }
  }

  return {
    draft,
    setDraft,
    busy,
    status,
    error,
    revealMedia,
    savingReveal,
    decide: (checklist) =>
      run(async () => {
        await recordDecision(api, c.id, draftBody(draft, checklist))
        return `Decision recorded on case ${shortId(c.id)}.`
      }),
    claim: () =>
      run(async () => {
        await claimCase(api, c.id)
        return `You claimed case ${shortId(c.id)} for 30 minutes.`
      }),
    setRevealMedia: async (reveal) => {
      // @NOTE Shown at once; put back if the server does not keep it.
      setReveal(reveal)
      setSavingReveal(true)
      try {
        onUserChange(await saveRevealMedia(api, reveal))
      } catch (caught) {
        setReveal(!reveal)
        setError({ message: messageOf(caught), problems: [] })
      } finally {
        setSavingReveal(false)
      }
    },
  }
}
