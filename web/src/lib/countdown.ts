// SLA countdowns: time left before a case's deadline, or how long it has been overdue.

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

export interface Deadline {
  at: Date
  /** 'legal' when a deadline set by law comes before the SLA. */
  kind: 'sla' | 'legal'
}

export interface Countdown {
  text: string
  state: 'ok' | 'nearing' | 'overdue'
}

/** The earlier of the SLA deadline and the legal deadline. */
export function caseDeadline(slaDeadline: string, legalDeadline: string | null): Deadline {
  const sla = new Date(slaDeadline)
  if (legalDeadline) {
    const legal = new Date(legalDeadline)
    if (legal < sla) return { at: legal, kind: 'legal' }
  }
  return { at: sla, kind: 'sla' }
}

/** "2 d 3 h", "4 h 05 min", "12 min", "under a minute". */
export function formatDuration(ms: number): string {
  const abs = Math.abs(ms)
  if (abs < MINUTE) return 'under a minute'
  const days = Math.floor(abs / DAY)
  const hours = Math.floor((abs % DAY) / HOUR)
  const minutes = Math.floor((abs % HOUR) / MINUTE)
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`
  if (hours > 0) return `${hours} h ${String(minutes).padStart(2, '0')} min`
  return `${minutes} min`
}

/**
 * The countdown to a deadline at `now`; 'nearing' once less than `nearingMs` is left (the
 * server marks cases nearing by a share of their SLA, and says so in `escalation`).
 */
export function countdown(deadline: Date, now: Date, nearing = false): Countdown {
  const left = deadline.getTime() - now.getTime()
  if (left <= 0) return { text: `overdue by ${formatDuration(left)}`, state: 'overdue' }
  return { text: `${formatDuration(left)} left`, state: nearing ? 'nearing' : 'ok' }
}
