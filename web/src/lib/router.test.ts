import { describe, expect, it } from 'vitest'
import { currentPath, matchRoute } from './router'

describe('the console router', () => {
  it('reads paths under /console', () => {
    expect(currentPath('/console')).toBe('/')
    expect(currentPath('/console/')).toBe('/')
    expect(currentPath('/console/queues/fraud')).toBe('/queues/fraud')
  })

  it('matches the queue pages and nothing else', () => {
    expect(matchRoute('/')).toEqual({ page: 'queues' })
    expect(matchRoute('/queues')).toEqual({ page: 'queues' })
    expect(matchRoute('/queues/child%20safety')).toEqual({
      page: 'queue',
      queueId: 'child safety',
    })
    expect(matchRoute('/cases/1')).toEqual({ page: 'case', caseId: '1' })
    expect(matchRoute('/cases/1/x')).toEqual({ page: 'not-found', path: '/cases/1/x' })
  })

  it('matches the appeals pages and the audit log', () => {
    expect(matchRoute('/appeals')).toEqual({ page: 'appeals' })
    expect(matchRoute('/appeals/abc')).toEqual({ page: 'appeal', appealId: 'abc' })
    expect(matchRoute('/audit')).toEqual({ page: 'audit' })
    expect(matchRoute('/audit/x')).toEqual({ page: 'not-found', path: '/audit/x' })
  })

  it('matches the banks pages', () => {
    expect(matchRoute('/banks')).toEqual({ page: 'banks' })
    expect(matchRoute('/banks/b1')).toEqual({ page: 'bank', bankId: 'b1' })
  })

  it('matches the rules pages', () => {
    expect(matchRoute('/rules')).toEqual({ page: 'rules' })
    expect(matchRoute('/rules/r%201')).toEqual({ page: 'rule', ruleId: 'r 1' })
    expect(matchRoute('/rules/r1/x')).toEqual({ page: 'not-found', path: '/rules/r1/x' })
  })

  it('matches the evidence page and the CSEA report pages', () => {
    expect(matchRoute('/evidence')).toEqual({ page: 'evidence' })
    expect(matchRoute('/csea-reports')).toEqual({ page: 'csea-reports' })
    expect(matchRoute('/csea-reports/r1')).toEqual({ page: 'csea-report', reportId: 'r1' })
    expect(matchRoute('/csea-reports/r1/x')).toEqual({
      page: 'not-found',
      path: '/csea-reports/r1/x',
    })
  })
})
