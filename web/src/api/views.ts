import type { ResponseOf } from './client'
import type { paths } from './schema'

type Method = 'get' | 'post' | 'patch'

/**
 * The 200 (else 201) answer of a route, as the generated OpenAPI types describe it: what every
 * console view of an API answer is derived from.
 */
export type Answer<Path extends keyof paths, M extends Method = 'get'> =
  paths[Path] extends Record<M, infer Operation> ? ResponseOf<Operation> : never

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
