import type { Appeal } from '../../../core/appeal.js'
import type { ModerationCase } from '../../../core/moderation-case.js'
import type { Notification } from '../../../core/notification.js'
import { plainDateTime } from '../../../core/report-messages.js'
import { html, type SafeHtml } from '../../pages/html.js'
import {
  messageItem,
  noUpdatesNote,
  privateLinkSection,
  referencePanel,
} from '../../pages/status-parts.js'

const ODS =
  'If you live in the EU, you can also ask an independent dispute body to look at it. The body must be approved under EU law (Digital Services Act, Article 21). You can also go to court.'

/** GET /appeal: how to ask for another look, for someone who arrives without a link. */
export function renderAppealEntry(): SafeHtml {
  return html`<p>You can ask us to look again at a decision we made. It is free. A different person from the one who decided will check it.</p>
<h2>If we acted on something you posted</h2>
<p>Open the message we sent you about the decision and use the link in it. The link is only for you.</p>
<h2>If you reported something to us</h2>
<p>Open the private link you saved when you sent your report. Once we have decided, it has a link to ask us to look again.</p>
<h2>If you have lost your link</h2>
<p>Contact us through the service and give us your report number or the decision's reference.</p>`
}

export function renderLinkNotFound(): SafeHtml {
  return html`<p>Check that you copied the whole link, with nothing missing at the end.</p>
<p>If it still does not work, contact us and give us your report number or the decision's reference.</p>
<p><a href="/appeal">How to ask us to look again</a></p>`
}

export function renderNotDecidedYet(): SafeHtml {
  return html`<p>We are still checking your report. You can ask us to look again once we have decided.</p>
<p>Go back to your report's private link to see where it is.</p>`
}

export function renderWindowClosed(closesAt: Date): SafeHtml {
  return html`<p>You could ask us to look at this decision again until ${plainDateTime(closesAt)}. That time has passed, so we cannot take an appeal now.</p>
<p>${ODS}</p>`
}

export function renderAlreadyAppealed(earlier: Appeal): SafeHtml {
  return html`<p>You have already asked us to look at this decision again. Your appeal number is</p>
<div class="panel"><p class="big">${earlier.reference}</p></div>
<p>Use the private link we gave you when you sent it to see where it is.</p>`
}

/** A refusal from the service (e.g. the window closed while the form was open), in its words. */
export function renderRefusal(message: string): SafeHtml {
  return html`<div class="error-summary" role="alert" tabindex="-1"><h2>We could not take your appeal</h2><p>${message}</p></div>
<p><a href="/appeal">How to ask us to look again</a></p>`
}

const HEADLINES: Record<Appeal['status'], string> = {
  open: 'We are looking at it.',
  upheld: 'We looked again and kept our decision.',
  reversed: 'We looked again and changed our decision.',
  resolved: 'We looked at your complaint and answered it.',
}

export interface AppealStatusInput {
  appeal: Appeal
  case: ModerationCase | null
  notifications: Notification[]
  statusUrl: string
  justSent: boolean
}

function where(input: AppealStatusInput): SafeHtml {
  const { appeal } = input
  if (appeal.status === 'open') {
    const due = input.case
      ? html`<p>We aim to answer by <strong>${plainDateTime(input.case.slaDeadline)}</strong>.</p>`
      : ''
    const fast = appeal.expedited
      ? html`<p>Because it is about intimate images, we deal with it faster.</p>`
      : ''
    return html`<h2>Where your appeal is now</h2><p>${HEADLINES.open}</p>${due}${fast}`
  }
  return html`<h2>What we decided</h2>
<div class="panel"><p><strong>${HEADLINES[appeal.status]}</strong></p>${
    appeal.decidedAt ? html`<p>We decided on ${plainDateTime(appeal.decidedAt)}.</p>` : ''
  }<p>Why: ${appeal.outcomeReasons ?? ''}</p></div>${appeal.decisionId ? html`<p>${ODS}</p>` : ''}`
}

function messages(list: readonly Notification[]): SafeHtml {
  if (list.length === 0) return html``
  return html`<h2>Messages about your appeal</h2><ul>${list.map((n) => messageItem(n))}</ul>`
}

/** The acknowledgement right after sending (Ofcom ICU D4), and the private status page after. */
export function renderAppealStatus(input: AppealStatusInput): SafeHtml {
  const { appeal } = input
  const thanks = input.justSent
    ? html`<p>Thank you. We got your appeal on ${plainDateTime(appeal.createdAt)}.</p>`
    : ''
  return html`${thanks}${referencePanel('appeal', appeal.reference, 'your appeal')}
${where(input)}${noUpdatesNote(appeal.followUp)}
${messages(input.notifications)}
${privateLinkSection('appeal', input.statusUrl)}`
}
