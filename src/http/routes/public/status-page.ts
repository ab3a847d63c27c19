import type { Notification } from '../../../core/notification.js'
import {
  OUTCOME_HEADLINES,
  POSSIBLE_OUTCOMES,
  plainDateTime,
  WHAT_HAPPENS_NEXT,
} from '../../../core/report-messages.js'
import type { ReportStatusView } from '../../../services/report-status.js'
import { html, type SafeHtml } from '../../pages/html.js'
import {
  messageItem,
  noUpdatesNote,
  privateLinkSection,
  referencePanel,
} from '../../pages/status-parts.js'

export interface StatusPageInput {
  view: ReportStatusView
  /** The absolute private link to this page (with its token). */
  statusUrl: string
  /** Where the reporter asks for another look, with their token. */
  appealUrl: string
  appealByDate: Date | undefined
  /** True right after the report was sent: the page is then its acknowledgement (Ofcom D4). */
  justSent: boolean
}

function deadlines(view: ReportStatusView): SafeHtml {
  const found = view.case
  if (!found) return html``
  const legal = found.legalDeadline
    ? html`<p><strong>The law says we must act by ${plainDateTime(found.legalDeadline)}.</strong></p>`
    : ''
  return html`<p>We aim to decide by <strong>${plainDateTime(found.slaDeadline)}</strong>.</p>${legal}`
}

function whereItIs(input: StatusPageInput): SafeHtml {
  const { report } = input.view
  if (!report.outcome || !report.outcomeAt) {
    return html`<h2>Where your report is now</h2><p>We are checking it.</p>${deadlines(input.view)}
<h2>What happens next</h2><ol>${WHAT_HAPPENS_NEXT.map((line) => html`<li>${line}</li>`)}</ol>`
  }
  const appeal = input.appealByDate
    ? html`<h2>Think we got it wrong?</h2>
<p>You can ask us to look at it again until ${plainDateTime(input.appealByDate)}.</p>
<p><a href="${input.appealUrl}">Ask us to look again</a></p>`
    : ''
  return html`<h2>What we decided</h2>
<div class="panel"><p><strong>${OUTCOME_HEADLINES[report.outcome]}</strong></p><p>We decided on ${plainDateTime(report.outcomeAt)}. Our message below says what we did and why.</p></div>${appeal}`
}

function message(n: Notification, followUp: boolean): SafeHtml {
  const note =
    n.status === 'suppressed'
      ? html`<p class="hint">${followUp ? 'We did not send this, because we have no way to reach you.' : 'We did not send this, because you asked for no updates. You can read it here.'}</p>`
      : ''
  return messageItem(n, note)
}

function messages(view: ReportStatusView): SafeHtml {
  const list = view.notifications
  if (list.length === 0) {
    return html`<h2>Messages about your report</h2><p>We have not sent you any messages yet.</p>`
  }
  return html`<h2>Messages about your report</h2><ul class="messages">${list.map((n) => message(n, view.report.followUp))}</ul>`
}

/** The acknowledgement right after sending, and the private status page after that. */
export function renderStatusPage(input: StatusPageInput): SafeHtml {
  const { report } = input.view
  const thanks = input.justSent
    ? html`<p>Thank you for telling us. We got your report on ${plainDateTime(report.createdAt)}.</p>`
    : ''
  return html`${thanks}${referencePanel('report', report.reference, 'this report')}
${whereItIs(input)}${noUpdatesNote(report.followUp)}
${report.outcome ? '' : html`<h2>What could happen</h2><ul>${POSSIBLE_OUTCOMES.map((line) => html`<li>${line}</li>`)}</ul>`}
${messages(input.view)}
${privateLinkSection('report', input.statusUrl)}`
}

export function renderNotFound(): SafeHtml {
  return html`<p>Check that you copied the whole link, with nothing missing at the end.</p>
<p>If it still does not work, contact us and give us your report number.</p>
<p><a href="/report">Report something new</a></p>`
}
