import { type Logger, pino } from 'pino'

export type { Logger }

/** Paths that may carry secrets or personal data; never written to logs. */
const REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'secret',
  '*.secret',
  'key',
  '*.apiKey',
  'reporter.email',
  '*.reporterEmail',
]

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    { level, name: 'vigil', redact: { paths: REDACT, censor: '[redacted]' } },
    destination,
  )
}
