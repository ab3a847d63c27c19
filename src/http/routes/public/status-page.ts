import type { Notification } from '../../../core/notification.js'
import {
  OUTCOME_HEADLINES,
  POSSIBLE_OUTCOMES,
  plainDateTime,
  WHAT_HAPPENS_NEXT,
} from '../../../core/report-messages.js'
import type { ReportStatusView } from '../../../services/report-status.js'
import { html, type SafeHtml } from '../../pages/html.js'

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
  return html`<li><h3>${n.subjectLine}</h3><p class="hint">${plainDateTime(n.createdAt)}</p>${note}${n.body
    .split('\n\n')
    .map(
      (part) =>
        html`<p>${part.split('\n').map((line, i) => html`${i > 0 ? html`<br>` : ''}${line}`)}</p>`,
    )}</li>`
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
  const updates = report.followUp
    ? ''
    : html`<p>You asked us not to send you updates. You can still check this page.</p>`
  return html`${thanks}<div class="panel"><p>Your report number is</p><p class="big">${report.reference}</p><p>Keep this number. Give it to us if you contact us about this report.</p></div>
${whereItIs(input)}${updates}
${report.outcome ? '' : html`<h2>What could happen</h2><ul>${POSSIBLE_OUTCOMES.map((line) => html`<li>${line}</li>`)}</ul>`}
${messages(input.view)}
<h2>Your private link</h2>
<p>Save this link to check your report later. Anyone who has it can see this page, so do not share it.</p>
<p><a href="${input.statusUrl}">${input.statusUrl}</a></p>`
}

export function renderNotFound(): SafeHtml {
  return html`<p>Check that you copied the whole link, with nothing missing at the end.</p>
<p>If it still does not work, contact us and give us your report number.</p>
<p><a href="/report">Report something new</a></p>`
}
