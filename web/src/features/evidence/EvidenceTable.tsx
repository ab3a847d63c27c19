import { formatTime } from '../../lib/format-time'
import { type EvidenceItemView, isHeld, type LegalHoldView, sizeText } from './evidence-data'

interface EvidenceTableProps {
  items: EvidenceItemView[]
  holds: LegalHoldView[]
  /** Whether the holds could be read (the column says "unknown" otherwise). */
  holdsKnown: boolean
  mayOpen: boolean
  busy: boolean
  onOpen: (item: EvidenceItemView) => void
}

/** A case's preserved items: what each is, its hash, its dates, whether it can still be opened. */
export function EvidenceTable({
  items,
  holds,
  holdsKnown,
  mayOpen,
  busy,
  onOpen,
}: EvidenceTableProps) {
  if (items.length === 0) {
    return <p id="evidence-empty">Nothing of this case has been preserved.</p>
  }
  return (
    <table className="data evidence-table" id="evidence-table">
      <caption>
        {items.length} preserved {items.length === 1 ? 'item' : 'items'}
      </caption>
      <thead>
        <tr>
          <th scope="col">Item</th>
          <th scope="col">Size</th>
          <th scope="col">SHA-256</th>
          <th scope="col">Preserved</th>
          <th scope="col">Retain until</th>
          <th scope="col">State</th>
          <th scope="col">Legal hold</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.id} data-evidence={item.label}>
            <th scope="row">
              {item.label}
              <span className="case-meta">
                {item.kind} · {item.contentType}
              </span>
            </th>
            <td className="num">{sizeText(item.size)}</td>
            <td>
              <code className="evidence-hash">{item.sha256 ?? 'none recorded'}</code>
            </td>
            <td>
              <time dateTime={item.preservedAt}>{formatTime(item.preservedAt)}</time>
              <span className="case-meta">{item.reason}</span>
            </td>
            <td>
              <time dateTime={item.retainUntil}>{formatTime(item.retainUntil)}</time>
            </td>
            <td data-cell="state">
              <ItemState item={item} />
            </td>
            <td data-cell="held">
              {holdsKnown ? (isHeld(item, holds) ? 'held' : 'not held') : 'unknown'}
            </td>
            <td>
              {mayOpen && item.available ? (
                <button
                  type="button"
                  id={`evidence-open-${item.id}`}
                  disabled={busy}
                  onClick={() => onOpen(item)}
                >
                  Open<span className="visually-hidden"> {item.label}</span>
                </button>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function ItemState({ item }: { item: EvidenceItemView }) {
  if (item.erasedAt) {
    return (
      <>
        erased <time dateTime={item.erasedAt}>{formatTime(item.erasedAt)}</time>
        <span className="case-meta">{item.erasureReason ?? 'no reason recorded'}</span>
      </>
    )
  }
  if (item.unavailableReason || !item.available) {
    return (
      <>
        unavailable
        <span className="case-meta">{item.unavailableReason ?? 'its bytes were not kept'}</span>
      </>
    )
  }
  return <>kept</>
}
