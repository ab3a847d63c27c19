import type { Notification } from '../../core/notification.js'
import { plainDateTime } from '../../core/report-messages.js'
import { html, type SafeHtml } from './html.js'

// @NOTE The pieces the private status pages of reports and appeals share, so a reporter and an
// appellant read the same words and markup for the same things.

type Noun = 'report' | 'appeal'

/** The box with the number to keep; `about` ends "Give it to us if you contact us about …". */
export function referencePanel(noun: Noun, reference: string, about: string): SafeHtml {
  return html`<div class="panel"><p>Your ${noun} number is</p><p class="big">${reference}</p><p>Keep this number. Give it to us if you contact us about ${about}.</p></div>`
}

/** Said when the person asked for no updates (Ofcom ICU D6). */
export function noUpdatesNote(followUp: boolean): SafeHtml | '' {
  return followUp
    ? ''
    : html`<p>You asked us not to send you updates. You can still check this page.</p>`
}

/** The page's own private link, with the warning not to share it. */
export function privateLinkSection(noun: Noun, url: string): SafeHtml {
  return html`<h2>Your private link</h2>
<p>Save this link to check your ${noun} later. Anyone who has it can see this page, so do not share it.</p>
<p><a href="${url}">${url}</a></p>`
}

/** A message we sent, as the person got it: paragraphs, with its line breaks kept. */
export function messageItem(n: Notification, note: SafeHtml | '' = ''): SafeHtml {
  return html`<li><h3>${n.subjectLine}</h3><p class="hint">${plainDateTime(n.createdAt)}</p>${note}${n.body
    .split('\n\n')
    .map(
      (part) =>
        html`<p>${part.split('\n').map((line, i) => html`${i > 0 ? html`<br>` : ''}${line}`)}</p>`,
    )}</li>`
}
