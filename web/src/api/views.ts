import type { paths } from './schema'

/** A value as it arrives over JSON: dates become ISO strings. */
export type Json<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Json<U>[]
    : T extends object
      ? { [K in keyof T]: Json<T[K]> }
      : T

/** The 200 answer of a GET route, as the generated OpenAPI types describe it. */
type Answer<Path extends keyof paths> = paths[Path] extends {
  get: { responses: { 200: { content: { 'application/json': infer Body } } } }
}
  ? Body
  : never

export type QueueListView = Answer<'/v1/queues'>
export type QueueSummaryView = QueueListView['queues'][number]
export type CaseListView = Answer<'/v1/cases'>
export type CaseView = CaseListView['cases'][number]

/**
 * The console session, as `/console/api/session` answers it. @NOTE Typed here, not generated: the
 * session routes are kept out of the OpenAPI document on purpose (they are not part of the API).
 */
export interface ConsoleUser {
  id: string
  email: string
  name: string
  role: string
  preferences: { revealMedia: boolean }
}

export interface ConsoleSession {
  user: ConsoleUser
  csrfToken: string
}
