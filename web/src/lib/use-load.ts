import { useCallback, useEffect, useState } from 'react'

export type Loaded<T> =
  | { status: 'loading' }
  | { status: 'ok'; data: T }
  | { status: 'error'; message: string }

/** Runs `load` on mount and when `key` changes; `reload` runs it again, keeping the old data. */
export function useLoad<T>(
  load: () => Promise<T>,
  key: string,
): { state: Loaded<T>; reload: () => Promise<void> } {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' })
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` names what `load` reads.
  const run = useCallback(async () => {
    try {
      setState({ status: 'ok', data: await load() })
    } catch (error) {
      setState({ status: 'error', message: messageOf(error) })
    }
  }, [key])
  useEffect(() => {
    setState({ status: 'loading' })
    void run()
  }, [run])
  return { state, reload: run }
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : 'Something went wrong. Try again.'
}
