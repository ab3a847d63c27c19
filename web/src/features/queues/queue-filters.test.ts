import { describe, expect, it } from 'vitest'
import {
  assignablePeople,
  DEFAULT_FILTERS,
  filtersQuery,
  filtersSearch,
  parseFilters,
} from './queue-filters'

const BEA = 'user:0b7c7a52-5f0e-4c36-9a57-2a4d1b0c9e11'

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

  it('names a colleague as user:<id> in the link and the query, and nothing else that looks like it', () => {
    const filters = parseFilters(`?assignee=${encodeURIComponent(BEA)}`)
    expect(filters.assignee).toBe(BEA)
    expect(parseFilters(filtersSearch(filters))).toEqual(filters)
    expect(filtersQuery(filters)).toEqual({ assignee: BEA })
    for (const other of [
      'user:bea',
      'user:',
      `${BEA}x`,
      'key:0b7c7a52-5f0e-4c36-9a57-2a4d1b0c9e11',
    ]) {
      expect(parseFilters(`?assignee=${encodeURIComponent(other)}`).assignee).toBe('anyone')
    }
  })

  it('offers only people who may hold a case', () => {
    const people = [
      { id: '1', name: 'Ada', role: 'moderator' },
      { id: '2', name: 'Aud', role: 'auditor' },
      { id: '3', name: 'Lee', role: 'law_enforcement_liaison' },
      { id: '4', name: 'Tri', role: 'triage' },
    ] as const
    expect(assignablePeople(people).map((p) => p.name)).toEqual(['Ada', 'Tri'])
  })
})
