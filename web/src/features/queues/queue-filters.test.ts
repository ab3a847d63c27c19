import { describe, expect, it } from 'vitest'
import { DEFAULT_FILTERS, filtersQuery, filtersSearch, parseFilters } from './queue-filters'

describe('the queue filters in the URL', () => {
  it('reads what a link names, and falls back to the defaults for anything else', () => {
    expect(parseFilters('?escalation=overdue&assignee=me&kind=appeal')).toEqual({
      escalation: 'overdue',
      assignee: 'me',
      kind: 'appeal',
    })
    expect(parseFilters('?escalation=soon&assignee=key:abc&kind=')).toEqual(DEFAULT_FILTERS)
    expect(parseFilters('')).toEqual(DEFAULT_FILTERS)
  })

  it('writes only what differs from the defaults, and round-trips', () => {
    expect(filtersSearch(DEFAULT_FILTERS)).toBe('')
    const filters = { escalation: 'none', assignee: 'none', kind: 'content' } as const
    expect(filtersSearch(filters)).toBe('?escalation=none&assignee=none&kind=content')
    expect(parseFilters(filtersSearch(filters))).toEqual(filters)
  })

  it('turns into the GET /v1/cases query, leaving out "all" and "anyone"', () => {
    expect(filtersQuery(DEFAULT_FILTERS)).toEqual({})
    expect(filtersQuery({ ...DEFAULT_FILTERS, assignee: 'me' })).toEqual({ assignee: 'me' })
  })
})
