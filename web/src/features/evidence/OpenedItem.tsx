import { useEffect, useRef, useState } from 'react'
import type { EvidenceItemView, OpenedContent } from './evidence-data'

interface OpenedItemProps {
  item: EvidenceItemView
  content: OpenedContent
  /** The reader's choice to see images unblurred at first. */
  revealByDefault: boolean
  onClose: () => void
}

/**
 * An opened evidence item: an image (blurred until asked, like the case's media), the JSON of a
 * record pretty-printed, or a file to save. Its heading takes focus when it opens.
 */
export function OpenedItem({ item, content, revealByDefault, onClose }: OpenedItemProps) {
  const heading = useRef<HTMLHeadingElement>(null)
  const [shown, setShown] = useState(revealByDefault)
  useEffect(() => {
    heading.current?.focus()
  }, [])
  useEffect(
    () => () => {
      if (content.kind !== 'json') URL.revokeObjectURL(content.url)
    },
    [content],
  )
  return (
    <section className="evidence-opened" id="evidence-opened" aria-labelledby="opened-heading">
      <h3 id="opened-heading" ref={heading} tabIndex={-1}>
        Opened: {item.label}
      </h3>
      <p className="case-meta">
        {item.kind} · {item.contentType} · SHA-256 {item.sha256}. This opening is in the custody log
        with your purpose.
      </p>
      {content.kind === 'json' ? (
        <pre className="evidence-json" id="evidence-json">
          {content.text}
        </pre>
      ) : null}
      {content.kind === 'image' ? (
        <button
          type="button"
          className="media-button"
          id="evidence-image"
          aria-pressed={shown}
          onClick={() => setShown(!shown)}
        >
          <img
            src={content.url}
            alt={`${item.label}, ${shown ? 'shown' : 'blurred'}`}
            className={shown ? 'media-image' : 'media-image blurred'}
          />
          <span className="media-hint">{shown ? 'Blur again' : 'Reveal image'}</span>
        </button>
      ) : null}
      {content.kind === 'file' ? (
        <p>
          The console does not show {content.contentType} files.{' '}
          <a href={content.url} download={`evidence-${item.id}`} id="evidence-save">
            Save the file
          </a>
        </p>
      ) : null}
      <button type="button" id="evidence-close" onClick={onClose}>
        Close the item
      </button>
    </section>
  )
}
