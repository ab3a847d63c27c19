import { MIN_PURPOSE_LENGTH } from '../../../../src/core/evidence'
import { useApi } from '../../api/api-context'
import type { ConsoleUser } from '../../api/views'
import { AskDialog } from '../../components/AskDialog'
import { ErrorNotice } from '../../components/ErrorNotice'
import { formatTime } from '../../lib/format-time'
import { useLoad } from '../../lib/use-load'
import { EvidenceTable } from './EvidenceTable'
import { evidenceRights, type LegalHoldView, loadCaseHolds, loadEvidence } from './evidence-data'
import { OpenedItem } from './OpenedItem'
import { type Asking, type EvidenceActions, useEvidenceActions } from './use-evidence-actions'
import './evidence.css'

interface EvidencePanelProps {
  caseId: string
  subjectId: string
  user: ConsoleUser
}

const PURPOSE_HINT = `Why you need it, in ${MIN_PURPOSE_LENGTH} characters or more (e.g. "NCA report NCA-2026-123"). It is kept in the custody log with your name.`

/**
 * The case's preserved evidence, for the roles that handle it: the items with their hashes and
 * dates, opening one for a stated purpose, preserving the case now, and its evidence package.
 */
export function EvidencePanel({ caseId, subjectId, user }: EvidencePanelProps) {
  const api = useApi()
  const rights = evidenceRights(user.role)
  const { state, reload } = useLoad(
    async () => ({
      items: await loadEvidence(api, caseId),
      holds: rights.holds ? await loadCaseHolds(api, caseId, subjectId) : [],
    }),
    caseId,
  )
  const actions = useEvidenceActions(caseId)
  const { ask, opened } = actions
  return (
    <section aria-labelledby="evidence-heading" className="case-section" id="case-evidence">
      <h2 id="evidence-heading">Preserved evidence</h2>
      <p className="case-meta">
        Sealed copies kept for the police, the NCA or a court. Opening or exporting one asks why;
        the custody log records who did and the purpose.
      </p>
      <p role="status" id="evidence-status" className="status-line">
        {actions.status}
      </p>
      {state.status === 'loading' ? <p>Loading the evidence…</p> : null}
      {state.status === 'error' ? <ErrorNotice>{state.message}</ErrorNotice> : null}
      {state.status === 'ok' ? (
        <>
          <HoldLine holds={state.data.holds} known={rights.holds} />
          <EvidenceTable
            items={state.data.items}
            holds={state.data.holds}
            holdsKnown={rights.holds}
            mayOpen={rights.open}
            busy={ask.busy}
            onOpen={(item) => ask.start({ kind: 'open', item })}
          />
        </>
      ) : null}
      <EvidenceTools
        mayPreserve={rights.preserve}
        mayExport={rights.export && state.status === 'ok' && state.data.items.length > 0}
        onAsk={ask.start}
        onRefresh={() => void reload()}
      />
      {opened ? (
        <OpenedItem
          key={opened.item.id}
          item={opened.item}
          content={opened.content}
          revealByDefault={user.preferences.revealMedia}
          onClose={actions.close}
        />
      ) : null}
      {ask.asking ? <EvidenceDialog actions={actions} asking={ask.asking} /> : null}
    </section>
  )
}

interface ToolsProps {
  mayPreserve: boolean
  mayExport: boolean
  onAsk: (asking: Asking) => void
  onRefresh: () => void
}

function EvidenceTools({ mayPreserve, mayExport, onAsk, onRefresh }: ToolsProps) {
  return (
    <div className="evidence-tools">
      {mayPreserve ? (
        <button type="button" id="evidence-preserve" onClick={() => onAsk({ kind: 'preserve' })}>
          Preserve now
        </button>
      ) : null}
      {mayExport ? (
        <button type="button" id="evidence-package" onClick={() => onAsk({ kind: 'package' })}>
          Download evidence package
        </button>
      ) : null}
      <button type="button" id="evidence-refresh" onClick={onRefresh}>
        Refresh the list
      </button>
    </div>
  )
}

function EvidenceDialog({ actions, asking }: { actions: EvidenceActions; asking: Asking }) {
  const purpose = { id: 'purpose-dialog', label: 'Purpose', hint: PURPOSE_HINT }
  const text =
    asking.kind === 'open'
      ? { ...purpose, title: `Open ${asking.item.label}`, submitLabel: 'Open the item' }
      : asking.kind === 'package'
        ? { ...purpose, title: 'Download the evidence package', submitLabel: 'Download' }
        : {
            id: 'preserve-dialog',
            label: 'Reason',
            hint: 'Kept with every item preserved, and in the audit log.',
            title: 'Preserve the case now',
            submitLabel: 'Preserve',
          }
  return (
    <AskDialog
      {...text}
      busy={actions.ask.busy}
      error={actions.ask.error}
      onSubmit={actions.submit}
      onCancel={actions.ask.cancel}
    />
  )
}

function HoldLine({ holds, known }: { holds: LegalHoldView[]; known: boolean }) {
  if (!known) return null
  if (holds.length === 0) {
    return <p id="evidence-holds">No legal hold: each item is erased when its retention ends.</p>
  }
  return (
    <ul id="evidence-holds" className="evidence-list">
      {holds.map((h) => (
        <li key={h.id}>
          Held for {h.requester}: {h.reason} (
          {h.expiresAt ? `until ${formatTime(h.expiresAt)}` : 'until released'}).
        </li>
      ))}
    </ul>
  )
}
