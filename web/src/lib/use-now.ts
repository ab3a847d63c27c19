import { useEffect, useState } from 'react'

/**
 * The server's time now, ticking every `everyMs`: countdowns run from the server's clock (its
 * `at` when it answered), so a wrong clock on the moderator's machine does not skew them.
 */
export function useServerNow(serverAt: string | undefined, everyMs = 30_000): Date {
  const [skew, setSkew] = useState(0)
  const [tick, setTick] = useState(() => Date.now())
  useEffect(() => {
    if (serverAt) setSkew(new Date(serverAt).getTime() - Date.now())
  }, [serverAt])
  useEffect(() => {
    const timer = window.setInterval(() => setTick(Date.now()), everyMs)
    return () => window.clearInterval(timer)
  }, [everyMs])
  return new Date(tick + skew)
}
