import type { ReactNode } from 'react'

// @NOTE The report as it will be sent, section by section. Nothing is left out or guessed: a
// value the report lacks (null, or an empty list) is written "not available".

const SECTION_TITLES: Record<string, string> = {
  reporter: 'The reporter',
  content: 'The content and how it was detected',
  platform: 'The platform',
  priorReports: 'Prior reports',
  upload: 'Upload time, IP address and port',
  exif: 'EXIF data',
  media: 'The original files',
  account: 'The account',
  declaration: 'The declaration',
}

const WORDS: Record<string, string> = {
  sha256: 'SHA-256',
  md5: 'MD5',
  pdq: 'PDQ',
  ip: 'IP',
  ips: 'IPs',
  url: 'URL',
  nca: 'NCA',
  exif: 'EXIF',
  id: 'id',
  esp: 'ESP',
}

/** `ncaRegistrationId` → "NCA registration id". */
export function fieldLabel(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[\s_]+/)
    .map((w) => WORDS[w.toLowerCase()] ?? w.toLowerCase())
  const text = words.join(' ')
  return text.charAt(0).toUpperCase() + text.slice(1)
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * The report's payload: its plain facts first, then each part under its own heading, the
 * Schedule 1 parts in the order of the Schedule whether or not they hold anything.
 */
export function ReportSections({ payload }: { payload: Record<string, unknown> }) {
  const known = Object.keys(SECTION_TITLES).filter((key) => key in payload)
  const rest = Object.keys(payload).filter((key) => !(key in SECTION_TITLES))
  const isPart = (key: string) => isRecord(payload[key]) || Array.isArray(payload[key])
  const facts = rest.filter((key) => !isPart(key))
  const parts = [...known, ...rest.filter(isPart)]
  return (
    <div className="report-sections" id="report-sections">
      <section aria-labelledby="section-report" className="report-section">
        <h3 id="section-report">The report</h3>
        <Fields value={Object.fromEntries(facts.map((key) => [key, payload[key]]))} />
      </section>
      {parts.map((key) => (
        <section
          key={key}
          aria-labelledby={`section-${key}`}
          className="report-section"
          data-section={key}
        >
          <h3 id={`section-${key}`}>{SECTION_TITLES[key] ?? fieldLabel(key)}</h3>
          <Value value={payload[key]} />
        </section>
      ))}
    </div>
  )
}

function Fields({ value }: { value: Record<string, unknown> }) {
  return (
    <dl className="report-fields">
      {Object.entries(value).map(([key, inner]) => (
        <div key={key} data-field={key}>
          <dt>{fieldLabel(key)}</dt>
          <dd>
            <Value value={inner} />
          </dd>
        </div>
      ))}
    </dl>
  )
}

function Value({ value }: { value: unknown }): ReactNode {
  if (value === null || value === undefined) return <NotAvailable />
  if (Array.isArray(value)) {
    if (value.length === 0) return <NotAvailable />
    return (
      <ol className="report-list">
        {value.map((item, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the report's lists never reorder.
          <li key={i}>
            <Value value={item} />
          </li>
        ))}
      </ol>
    )
  }
  if (isRecord(value)) {
    return Object.keys(value).length === 0 ? <NotAvailable /> : <Fields value={value} />
  }
  if (typeof value === 'boolean') return <>{value ? 'yes' : 'no'}</>
  return <span className="report-text">{String(value)}</span>
}

function NotAvailable() {
  return <em className="not-available">not available</em>
}
