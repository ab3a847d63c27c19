import { readFileSync } from 'node:fs'
import { XMLParser } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { exampleFileDetails, exampleNcmecReport } from '../../../test/ncmec-examples.js'
import { buildFileDetailsXml, buildReportXml, parseNcmecResponse } from './report-xml.js'

const GOLDEN = new URL('../../../test/golden/ncmec-report.xml', import.meta.url)

/** Whitespace between tags is layout, not content. */
function normalise(xml: string): string {
  return xml.replace(/>\s+</g, '><').trim()
}

const ordered = new XMLParser({ preserveOrder: true, ignoreAttributes: false })
const plain = new XMLParser({ ignoreAttributes: false, parseTagValue: false })

/** The child element names of the element at `path`, in document order. */
function childNames(xml: string, path: string[]): string[] {
  let nodes = ordered.parse(xml) as Record<string, unknown>[]
  for (const name of path) {
    const node = nodes.find((candidate) => name in candidate)
    nodes = (node?.[name] ?? []) as Record<string, unknown>[]
  }
  return nodes.flatMap((node) => Object.keys(node).filter((key) => key !== ':@'))
}

const minimal = {
  incidentSummary: {
    incidentType: 'Child Sex Trafficking' as const,
    incidentDateTime: '2026-01-02T03:04:05+01:00',
  },
}

describe('buildReportXml', () => {
  it('writes the golden example exactly, whatever order the input keys are in', () => {
    const golden = normalise(readFileSync(GOLDEN, 'utf8'))
    expect(buildReportXml(exampleNcmecReport())).toBe(golden)
  })

  it('puts the elements in the XSD sequence order', () => {
    const xml = buildReportXml(exampleNcmecReport())
    expect(childNames(xml, ['report'])).toEqual([
      'incidentSummary',
      'internetDetails',
      'internetDetails',
      'reporter',
      'personOrUserReported',
      'additionalInfo',
    ])
    expect(childNames(xml, ['report', 'incidentSummary'])).toEqual([
      'incidentType',
      'platform',
      'escalateToHighPriority',
      'reportAnnotations',
      'incidentDateTime',
    ])
    expect(childNames(xml, ['report', 'personOrUserReported', 'ipCaptureEvent'])).toEqual([
      'ipAddress',
      'eventName',
      'dateTime',
      'possibleProxy',
      'port',
    ])
  })

  it('leaves out every optional part that is not given, and annotations that are false', () => {
    expect(buildReportXml(minimal)).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><report><incidentSummary>' +
        '<incidentType>Child Sex Trafficking</incidentType>' +
        '<incidentDateTime>2026-01-02T03:04:05+01:00</incidentDateTime>' +
        '</incidentSummary></report>',
    )
    const empty = buildReportXml({
      incidentSummary: { ...minimal.incidentSummary, reportAnnotations: { spam: false } },
      internetDetails: [],
      reporter: {},
      personOrUserReported: { displayName: [], ipCaptureEvent: [] },
    })
    expect(empty).toBe(buildReportXml(minimal))
  })

  it('escapes markup and keeps quotes and non-ASCII text intact', () => {
    const tricky = `<b>Tom & "Jerry"</b> it's ünïcödé ✓ 子供`
    const xml = buildReportXml({ ...minimal, additionalInfo: tricky })
    expect(xml).toContain('&lt;b&gt;Tom &amp; ')
    expect(xml).not.toContain('<b>')
    expect(xml).toContain('ünïcödé ✓ 子供')
    expect(plain.parse(xml).report.additionalInfo).toBe(tricky)
  })
})

describe('buildFileDetailsXml', () => {
  it('starts with the report and file ids, then the details in the XSD order', () => {
    const md5 = 'd41d8cd98f00b204e9800998ecf8427e'
    const xml = buildFileDetailsXml('4564654', '0a1b', exampleFileDetails('a&b "1".jpg', md5))
    expect(childNames(xml, ['fileDetails'])).toEqual([
      'reportId',
      'fileId',
      'originalFileName',
      'uploadedToEspTimestamp',
      'locationOfFile',
      'fileViewedByEsp',
      'publiclyAvailable',
      'fileAnnotations',
      'industryClassification',
      'originalFileHash',
      'ipCaptureEvent',
    ])
    expect(xml).toContain('<fileAnnotations><generativeAi/></fileAnnotations>')
    expect(xml).toContain(`<originalFileHash hashType="MD5">${md5}</originalFileHash>`)
    expect(xml).toContain('<fileViewedByEsp>true</fileViewedByEsp>')
    expect(xml).toContain('<publiclyAvailable>false</publiclyAvailable>')
    expect(plain.parse(xml).fileDetails.originalFileName).toBe('a&b "1".jpg')
  })

  it('sends just the ids when there are no details', () => {
    expect(buildFileDetailsXml('1', 'f', {})).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><fileDetails><reportId>1</reportId>' +
        '<fileId>f</fileId></fileDetails>',
    )
  })
})

describe('parseNcmecResponse', () => {
  it('reads an upload answer, keeping ids as text', () => {
    const xml =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><reportResponse>' +
      '<responseCode>0</responseCode><responseDescription>Success</responseDescription>' +
      '<reportId>4564654</reportId><fileId>0b0754af766b426f2928a02c651ed4b9</fileId>' +
      '<hash>fafa5efeaf3cbe3b23b2748d13e629a1</hash></reportResponse>'
    expect(parseNcmecResponse(xml)).toEqual({
      root: 'reportResponse',
      responseCode: 0,
      responseDescription: 'Success',
      reportId: '4564654',
      fileId: '0b0754af766b426f2928a02c651ed4b9',
      hash: 'fafa5efeaf3cbe3b23b2748d13e629a1',
      fileIds: [],
    })
  })

  it('reads the finish answer with one, two or no files', () => {
    const done = (files: string) =>
      parseNcmecResponse(
        `<reportDoneResponse><responseCode>0</responseCode><reportId>7</reportId>${files}</reportDoneResponse>`,
      )
    expect(done('<files><fileId>01</fileId></files>')?.fileIds).toEqual(['01'])
    expect(done('<files><fileId>a</fileId><fileId>b</fileId></files>')?.fileIds).toEqual(['a', 'b'])
    expect(done('<files/>')).toMatchObject({ root: 'reportDoneResponse', fileIds: [] })
    expect(done('')).toMatchObject({ reportId: '7', fileIds: [] })
  })

  it('reads an error code and its description, entities decoded', () => {
    const xml =
      '<reportResponse><responseCode>4100</responseCode>' +
      '<responseDescription>Validation failed: &lt;incidentType&gt; &amp; more</responseDescription>' +
      '</reportResponse>'
    expect(parseNcmecResponse(xml)).toMatchObject({
      responseCode: 4100,
      responseDescription: 'Validation failed: <incidentType> & more',
    })
  })

  it('refuses what is not an answer of the API', () => {
    expect(parseNcmecResponse('')).toBeUndefined()
    expect(parseNcmecResponse('<html><body>Bad gateway</body></html>')).toBeUndefined()
    expect(parseNcmecResponse('<reportResponse><reportId>1</reportId></reportResponse>')).toBe(
      undefined,
    )
    expect(
      parseNcmecResponse('<reportResponse><responseCode>zero</responseCode></reportResponse>'),
    ).toBeUndefined()
    expect(parseNcmecResponse('{"responseCode":0}')).toBeUndefined()
  })
})
