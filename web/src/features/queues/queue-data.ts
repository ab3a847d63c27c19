import type { ApiClient, ResponseOf } from '../../api/client'
import type { paths } from '../../api/schema'
import type { CaseListView, CaseView, QueueListView } from '../../api/views'
import { DEFAULT_FILTERS, filtersQuery, type QueueFilters } from './queue-filters'

export type PeopleView = ResponseOf<paths['/v1/console/people']['get']>

/** The console's enabled people by name, for the assignee filter. */
export function loadPeople(api: ApiClient): Promise<PeopleView> {
  return api.get('/v1/console/people')
}

export function loadQueues(api: ApiClient): Promise<QueueListView> {
  return api.get<'/v1/queues', QueueListView>('/v1/queues')
}

/** The open cases of a queue, in the server's order: priority, then age; `filters` narrow it. */
export function loadQueueCases(
  api: ApiClient,
  queue: string,
  filters: QueueFilters = DEFAULT_FILTERS,
): Promise<CaseListView> {
  return api.get<'/v1/cases', CaseListView>('/v1/cases', {
    query: { queue, status: 'open', limit: 200, ...filtersQuery(filters) },
  })
}

export function claimCase(api: ApiClient, id: string): Promise<CaseView> {
  return api.post<'/v1/cases/{id}/claim', CaseView>('/v1/cases/{id}/claim', {
    params: { id },
    body: {},
  })
}

export function releaseCase(api: ApiClient, id: string): Promise<CaseView> {
  return api.post<'/v1/cases/{id}/release', CaseView>('/v1/cases/{id}/release', {
    params: { id },
  })
}

/** The short form of a case id that people read out to each other. */
export function shortId(id: string): string {
  return id.slice(0, 8)
}
