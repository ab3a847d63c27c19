import { describe, expect, it } from 'vitest'
import { isReportable, plainWordsFor, reportReasons } from '../report-reasons.js'
import { buildTaxonomy, DEFAULT_TAXONOMY } from '../taxonomy.js'
import { PLAIN_WORDS } from './plain-words.js'

const words = (text: string) => text.split(/\s+/).filter(Boolean)

describe('plain words for the report page', () => {
  it('has plain words for every built-in harm a person can report', () => {
    const reportable = DEFAULT_TAXONOMY.nodes.filter((node) => isReportable(DEFAULT_TAXONOMY, node))
    expect(reportable.length).toBeGreaterThan(30)
    const missing = reportable.filter((node) => !PLAIN_WORDS[node.id]).map((node) => node.id)
    expect(missing).toEqual([])
  })

  it('names only harms that exist', () => {
    const unknown = Object.keys(PLAIN_WORDS).filter((id) => !DEFAULT_TAXONOMY.has(id))
    expect(unknown).toEqual([])
  })

  it('keeps every label and hint short, in short words', () => {
    for (const [id, { label, hint }] of Object.entries(PLAIN_WORDS)) {
      expect(label.length, id).toBeLessThanOrEqual(60)
      expect(words(hint).length, id).toBeLessThanOrEqual(20)
      const long = [...words(label), ...words(hint)].filter(
        (w) => w.replace(/[^A-Za-z]/g, '').length > 12,
      )
      expect(long, id).toEqual([])
    }
  })

  it('offers no group root that has narrower harms, and not the intimate-image harm', () => {
    const offered = reportReasons(DEFAULT_TAXONOMY).flatMap((g) => g.reasons.map((r) => r.harm))
    expect(offered).not.toContain('illegal')
    expect(offered).not.toContain('children_priority')
    expect(offered).not.toContain('illegal.intimate_image_abuse')
    expect(offered).toContain('illegal.csea.image_csam')
    expect(offered).toContain('terms')
  })

  it("uses an operator's own words for its terms nodes, and drops the terms root then", () => {
    const taxonomy = buildTaxonomy([{ id: 'spam', label: 'Spam or junk posts' }])
    const rules = reportReasons(taxonomy).find((g) => g.heading === 'It is against our rules')
    expect(rules?.reasons.map((r) => r.harm)).toEqual(['terms.spam'])
    const node = taxonomy.get('terms.spam')
    expect(node && plainWordsFor(node).label).toBe('Spam or junk posts')
  })
})
