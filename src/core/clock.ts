export interface Clock {
  now(): Date
}

export function systemClock(): Clock {
  return { now: () => new Date() }
}

/** A clock that stands still until moved; for tests and replays. */
export function fixedClock(
  start: Date | string,
): Clock & { advance(ms: number): void; set(at: Date | string): void } {
  let current = new Date(start).getTime()
  return {
    now: () => new Date(current),
    advance: (ms: number) => {
      current += ms
    },
    set: (at: Date | string) => {
      current = new Date(at).getTime()
    },
  }
}
