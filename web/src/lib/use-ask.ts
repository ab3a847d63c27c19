import { useState } from 'react'
import { messageOf } from './use-load'

/** A dialog that asks before an action: which one is open, and the last refusal. */
export interface Ask<K> {
  asking: K | undefined
  busy: boolean
  error: string | undefined
  start: (what: K) => void
  cancel: () => void
  /** Runs the action; closes the dialog when it succeeds, keeps it open with the refusal if not. */
  run: (action: () => Promise<void>) => Promise<void>
}

export function useAsk<K>(): Ask<K> {
  const [asking, setAsking] = useState<K>()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  return {
    asking,
    busy,
    error,
    start: (what) => {
      setError(undefined)
      setAsking(what)
    },
    cancel: () => {
      setError(undefined)
      setAsking(undefined)
    },
    run: async (action) => {
      setBusy(true)
      setError(undefined)
      try {
        await action()
        setAsking(undefined)
      } catch (caught) {
        setError(messageOf(caught))
      } finally {
        setBusy(false)
      }
    },
  }
}
