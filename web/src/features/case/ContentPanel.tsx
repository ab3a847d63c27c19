import { useState } from 'react'
import { type MediaView, mediaUrl, type SignalView, type SubjectView } from './case-data'
import { highlightText } from './highlight'

interface ContentPanelProps {
  caseId: string
  subject: SubjectView
  signals: SignalView[]
  revealMedia: boolean
  savingReveal: boolean
  onRevealMediaChange: (reveal: boolean) => void
}

/** The reported content: its text with matched terms marked, and its media, blurred at first. */
export function ContentPanel(props: ContentPanelProps) {
  const { caseId, subject, signals, revealMedia, savingReveal, onRevealMediaChange } = props
  return (
    <section aria-labelledby="content-heading" className="case-section" id="case-content">
      <h2 id="content-heading">Content</h2>
      <p className="case-meta">
        {subject.kind} · {subject.surface} · id {subject.externalId}
        {subject.authorId ? ` · by ${subject.authorId}` : ''}
        {subject.url ? (
          <>
            {' · '}
            <a href={subject.url} rel="noreferrer noopener" target="_blank">
              open on the platform
            </a>
          </>
        ) : null}
      </p>
      {subject.text ? <HighlightedText text={subject.text} signals={signals} /> : null}
      {subject.media.length > 0 ? (
        <>
          <p className="reveal-toggle">
            <label>
              <input
                type="checkbox"
                id="reveal-media"
                checked={revealMedia}
                disabled={savingReveal}
                onChange={(e) => onRevealMediaChange(e.target.checked)}
              />{' '}
              Show images unblurred by default (saved for your account)
            </label>
          </p>
          <ul className="media-list">
            {subject.media.map((m, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the index is the media's address.
              <li key={`${m.sha256}-${i}`}>
                <MediaItem caseId={caseId} index={i} media={m} revealByDefault={revealMedia} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {!subject.text && subject.media.length === 0 ? (
        <p>The content has no text or media.</p>
      ) : null}
    </section>
  )
}

function HighlightedText({ text, signals }: { text: string; signals: SignalView[] }) {
  const parts = highlightText(text, signals)
  const marked = parts.filter((p) => p.term).length
  return (
    <>
      <blockquote className="content-text" id="content-text">
        {parts.map((part, i) =>
          part.term ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: parts never reorder.
            <mark key={i} title={`matched the listed term “${part.term}”`}>
              {part.text}
            </mark>
          ) : (
            // biome-ignore lint/suspicious/noArrayIndexKey: parts never reorder.
            <span key={i}>{part.text}</span>
          ),
        )}
      </blockquote>
      {marked > 0 ? (
        <p className="case-meta">
          {marked} matched {marked === 1 ? 'term is' : 'terms are'} highlighted.
        </p>
      ) : null}
    </>
  )
}

interface MediaItemProps {
  caseId: string
  index: number
  media: MediaView
  revealByDefault: boolean
}

function MediaItem({ caseId, index, media, revealByDefault }: MediaItemProps) {
  const [revealed, setRevealed] = useState<boolean | undefined>(undefined)
  const [failed, setFailed] = useState(false)
  const shown = revealed ?? revealByDefault
  const label = `Image ${index + 1}${media.mimeType ? ` (${media.mimeType})` : ''}`
  if (media.withheld === 'csea') {
    return (
      <div className="media-withheld" data-media={index} id={`media-withheld-${index}`}>
        <p>
          <strong>{label} is withheld.</strong> The case concerns child sexual abuse or
          exploitation, so only the child-safety team can open this image. You can still decide on
          the case from the signals and reports.
        </p>
      </div>
    )
  }
  if (failed) {
    return (
      <p className="media-withheld" data-media={index}>
        {label} could not be loaded: its address may be gone or not an image. Open the case on the
        platform to see it.
      </p>
    )
  }
  return (
    <figure className="media-item" data-media={index}>
      <button
        type="button"
        className={shown ? 'media-button revealed' : 'media-button'}
        id={`media-${index}`}
        aria-pressed={shown}
        onClick={() => setRevealed(!shown)}
      >
        <img
          src={mediaUrl(caseId, index)}
          alt={`${label}, ${shown ? 'shown' : 'blurred'}`}
          className={shown ? 'media-image' : 'media-image blurred'}
          onError={() => setFailed(true)}
        />
        <span className="media-hint">{shown ? 'Blur again' : 'Reveal image'}</span>
      </button>
      <figcaption className="case-meta">
        {label}, {sizeText(media.bytes)}
        {media.pdq ? ` · PDQ quality ${media.pdqQuality ?? 'unknown'}` : ''}
      </figcaption>
    </figure>
  )
}

export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}
