import { useState } from 'react'
import { useApi } from '../../api/api-context'
import { type Ask, useAsk } from '../../lib/use-ask'
import {
  downloadPackage,
  type EvidenceItemView,
  type OpenedContent,
  openItem,
  preserveCase,
} from './evidence-data'

/** What the panel is asking about: opening an item, the package (a purpose), preserving (a reason). */
export type Asking =
  | { kind: 'open'; item: EvidenceItemView }
  | { kind: 'package' }
  | { kind: 'preserve' }

export interface EvidenceActions {
  ask: Ask<Asking>
  status: string
  opened: { item: EvidenceItemView; content: OpenedContent } | undefined
  close: () => void
  /** Does what the dialog asked about with the text given; the server judges the text. */
  submit: (text: string) => void
}

export function useEvidenceActions(caseId: string): EvidenceActions {
  const api = useApi()
  const ask = useAsk<Asking>()
  const [status, setStatus] = useState('')
  const [opened, setOpened] = useState<EvidenceActions['opened']>()
  function submit(text: string): void {
    const asking = ask.asking
    if (!asking) return
    void ask.run(async () => {
      if (asking.kind === 'open') {
        setOpened({ item: asking.item, content: await openItem(api, asking.item, text) })
        setStatus(`Opened ${asking.item.label}; the opening is recorded with your purpose.`)
      } else if (asking.kind === 'package') {
        const name = await downloadPackage(api, caseId, text)
        setStatus(`Downloaded ${name}; each item's export is recorded with your purpose.`)
      } else {
        await preserveCase(api, caseId, text)
        setStatus('Preservation queued: the new items appear here once the worker has sealed them.')
      }
    })
  }
  return { ask, status, opened, close: () => setOpened(undefined), submit }
}
