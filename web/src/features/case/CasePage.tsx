import { useState } from 'react'
import { consoleMay } from '../../../../src/core/console-roles'
import type { ConsoleRole } from '../../../../src/core/roles'
import { useApi } from '../../api/api-context'
import type { ConsoleUser } from '../../api/views'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Link } from '../../components/Link'
import { PageHeading } from '../../components/PageHeading'
import { useLoad } from '../../lib/use-load'
import { EvidencePanel } from '../evidence/EvidencePanel'
import { evidenceRights } from '../evidence/evidence-data'
import { shortId } from '../queues/queue-data'
import { PriorityPanel, StandingPanel } from './AccountPanels'
import { ContentPanel } from './ContentPanel'
import {
  type CaseDetail,
  type HarmView,
  harmLabel,
  type JudgementChecklist,
  loadCase,
  loadHarms,
} from './case-data'
import { DecisionForm } from './DecisionForm'
import { DecisionsPanel } from './DecisionsPanel'
import { draftBody, noActionDraft, previewable, removeDraft } from './decision-draft'
import { ReportsPanel, SignalsPanel } from './EvidencePanels'
import { ConfirmDecision, ShortcutHelp, ShortcutLine } from './ShortcutPanels'
import { StatementPreview } from './StatementPreview'
import { type CaseWork, useCaseWork } from './use-case-work'
import { useJudgement } from './use-judgement'
import { useShortcuts } from './use-shortcuts'
import './case.css'

interface CasePageProps {
  caseId: string
  user: ConsoleUser
  onUserChange: (user: ConsoleUser) => void
}

/** One case: the content, its evidence, the author, and the decision with its checklist. */
export function CasePage({ caseId, user, onUserChange }: CasePageProps) {
  const api = useApi()
  const { state, reload } = useLoad(
    async () => ({ c: await loadCase(api, caseId), harms: await loadHarms(api) }),
    caseId,
  )
  if (state.status !== 'ok') {
    return (
      <>
        <PageHeading>Case {shortId(caseId)}</PageHeading>
        {state.status === 'loading' ? <p>Loading the case…</p> : null}
        {state.status === 'error' ? <ErrorNotice>{state.message}</ErrorNotice> : null}
      </>
    )
  }
  return (
    <CaseWorkspace
      c={state.data.c}
      harms={state.data.harms}
      user={user}
      reload={reload}
      onUserChange={onUserChange}
    />
  )
}

interface WorkspaceProps {
  c: CaseDetail
  harms: HarmView[]
  user: ConsoleUser
  reload: () => Promise<void>
  onUserChange: (user: ConsoleUser) => void
}

type Confirming = { summary: string } | undefined

function CaseWorkspace({ c, harms, user, reload, onUserChange }: WorkspaceProps) {
  const work = useCaseWork(c, harms, user, reload, onUserChange)
  const { checklist, problem } = useJudgement(work.draft.harm)
  const [confirming, setConfirming] = useState<Confirming>()
  const [help, setHelp] = useState(false)
  const mayDecide = consoleMay(user.role as ConsoleRole, 'POST', '/v1/cases/{id}/decisions')
  const open = c.status === 'open' && mayDecide
  const itemIds = checklist?.items.map((i) => i.id) ?? []
  const body = previewable(work.draft) ? draftBody(work.draft, itemIds) : null
  const harm = harmLabel(harms, work.draft.harm || c.harm)

  useShortcuts(!confirming && !work.busy, (key) => {
    if (key === '?') setHelp((h) => !h)
    else if (key === 'c' && open) void work.claim()
    else if (key === 'r' && open) {
      work.setDraft(removeDraft(work.draft, harms))
      setConfirming({ summary: `Remove the content as illegal: ${harm}.` })
    } else if (key === 'n' && open) {
      work.setDraft(noActionDraft(work.draft, harms))
      setConfirming({ summary: `Take no action on the content (${harm} considered).` })
    }
  })

  async function confirm(): Promise<void> {
    await work.decide(itemIds)
    setConfirming(undefined)
  }

  return (
    <>
      <CaseHeader
        c={c}
        harms={harms}
        user={user}
        busy={work.busy}
        onClaim={() => void work.claim()}
      />
      <div role="status" className="status-line" id="case-status">
        {work.status}
      </div>
      {help ? <ShortcutHelp onClose={() => setHelp(false)} /> : null}
      {confirming ? (
        <ConfirmDecision
          summary={confirming.summary}
          busy={work.busy}
          onConfirm={() => void confirm()}
          onCancel={() => setConfirming(undefined)}
        />
      ) : null}
      <div className="case-layout">
        <div>
          <ContentPanel
            caseId={c.id}
            subject={c.subject}
            signals={c.signals}
            revealMedia={work.revealMedia}
            savingReveal={work.savingReveal}
            onRevealMediaChange={(reveal) => void work.setRevealMedia(reveal)}
          />
          <DecisionsPanel decisions={c.decisions} harms={harms} />
          {open ? (
            <DecideSection
              work={work}
              harms={harms}
              checklist={checklist}
              problem={problem}
              onSubmit={() => void work.decide(itemIds)}
            />
          ) : null}
          {open ? <StatementPreview caseId={c.id} body={body} /> : null}
          {c.status === 'open' && !mayDecide ? (
            <p id="read-only-note">Your role can read this case but not decide it.</p>
          ) : null}
        </div>
        <div>
          <SignalsPanel signals={c.signals} harms={harms} />
          <ReportsPanel reports={c.reports} harms={harms} />
          {c.subject.authorId ? (
            <StandingPanel accountId={c.subject.authorId} harms={harms} />
          ) : null}
          <PriorityPanel c={c} />
        </div>
      </div>
      {evidenceRights(user.role).read ? (
        <EvidencePanel caseId={c.id} subjectId={c.subjectId} user={user} />
      ) : null}
    </>
  )
}

interface DecideProps {
  work: CaseWork
  harms: HarmView[]
  checklist: JudgementChecklist | undefined
  problem: string | undefined
  onSubmit: () => void
}

function DecideSection({ work, harms, checklist, problem, onSubmit }: DecideProps) {
  return (
    <section aria-labelledby="decide-heading" className="case-section" id="case-decide">
      <h2 id="decide-heading">Decide</h2>
      <ShortcutLine />
      {work.error ? (
        <ErrorNotice id="decision-error">
          {work.error.message}
          {work.error.problems.length > 1 ? (
            <ul>
              {work.error.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          ) : null}
        </ErrorNotice>
      ) : null}
      <DecisionForm
        draft={work.draft}
        harms={harms}
        checklist={checklist}
        checklistProblem={problem}
        busy={work.busy}
        onChange={work.setDraft}
        onSubmit={onSubmit}
      />
    </section>
  )
}

interface HeaderProps {
  c: CaseDetail
  harms: HarmView[]
  user: ConsoleUser
  busy: boolean
  onClaim: () => void
}

function CaseHeader({ c, harms, user, busy, onClaim }: HeaderProps) {
  const mine = c.assignee === `user:${user.id}`
  const claimText = c.claimed ? (mine ? 'claimed by you' : 'claimed by someone else') : 'unclaimed'
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/queues/${encodeURIComponent(c.queue)}`}>Back to the queue</Link>
      </p>
      <PageHeading>
        Case {shortId(c.id)}: {harmLabel(harms, c.harm)}
      </PageHeading>
      <p className="lede" id="case-lede">
        {c.kind === 'appeal' ? 'Appeal' : 'Content'} case,{' '}
        {c.status === 'open' ? 'open' : 'decided'}, {claimText}, queue {c.queue}.{' '}
        {c.status === 'open' &&
        !(c.claimed && mine) &&
        consoleMay(user.role as ConsoleRole, 'POST', '/v1/cases/{id}/claim') ? (
          <button type="button" id="case-claim" onClick={onClaim} disabled={busy}>
            Claim this case
          </button>
        ) : null}
      </p>
    </>
  )
}
