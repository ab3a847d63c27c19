import type { SubjectKind, Surface } from '../../../core/subject.js'
import type { FormValues } from '../../pages/form-body.js'
import { ticked } from '../../pages/form-fields.js'
import {
  type Choice,
  checkboxField,
  type FieldErrors,
  html,
  radioField,
  type SafeHtml,
  textField,
} from '../../pages/html.js'
import { asKind, asSubjectId } from './report-fields.js'

const SURFACE_CHOICES: readonly (Choice & { value: Surface })[] = [
  { value: 'public', label: 'In a post, comment, page or profile that other people can see' },
  { value: 'private', label: 'In a private message' },
  { value: 'group', label: 'In a group chat' },
]

const KIND_WORDS: Record<SubjectKind, string> = {
  text: 'Words in a post or comment',
  image: 'A picture',
  video: 'A video',
  message: 'A message',
  profile: 'A profile',
  account: 'A whole account',
  url: 'A link',
}

const GENERAL_KINDS: readonly SubjectKind[] = [
  'text',
  'image',
  'video',
  'message',
  'profile',
  'account',
  'url',
]
const PICTURE_KINDS: readonly SubjectKind[] = ['image', 'video']

export function notice(text: string): SafeHtml {
  return html`<div class="note" role="status"><p>${text}</p></div>`
}

/** A link to the other form that keeps what the platform's report button passed. */
export function prefillQuery(values: FormValues): string {
  const query = new URLSearchParams()
  for (const name of ['subject', 'kind', 'surface', 'url'] as const) {
    const value = name === 'url' ? values.urls?.split('\n')[0]?.trim() : values[name]
    if (value) query.set(name, value)
  }
  const text = query.toString()
  return text ? `?${text}` : ''
}

export function intro(values: FormValues): SafeHtml {
  return html`<p>Tell us about something on our service that is against the law or our rules. You do not need an account.</p>
<div class="note"><p><strong>If someone is in danger right now, call 999</strong> (in the UK) or 112 (in the EU).</p></div>
<p>Is someone sharing a nude or sexual picture or video of you without your permission? <a href="/report/intimate-image${prefillQuery(values)}">Use the form for intimate pictures</a>. The law says we must act on those within 48 hours.</p>
<h2>What happens after you report</h2>
<ul><li>We give you a report number.</li><li>A trained person checks what you sent.</li><li>We tell you what we decided, and why.</li></ul>
<h2>About what you are reporting</h2>`
}

function kindField(values: FormValues, errors: FieldErrors, kinds: readonly SubjectKind[]) {
  const subject = asSubjectId(values.subject)
  const kind = asKind(values.kind)
  if (subject && kind) {
    return html`<input type="hidden" name="subject" value="${subject}"><input type="hidden" name="kind" value="${kind}">
<p>You are reporting: <strong>${KIND_WORDS[kind]}</strong> (number ${subject} on our service).</p>`
  }
  const choices = kinds.map((k) => ({ value: k, label: KIND_WORDS[k] }))
  return html`${subject ? html`<input type="hidden" name="subject" value="${subject}">` : ''}${radioField(
    {
      name: 'kind',
      legend: kinds === PICTURE_KINDS ? 'Is it a picture or a video?' : 'What are you reporting?',
      choices,
      value: values.kind,
      errors,
    },
  )}`
}

/** Where the content is: what it is, where it was seen, its web address, or how to find it. */
export function locationFields(
  values: FormValues,
  errors: FieldErrors,
  form: 'general' | 'intimate',
): SafeHtml {
  return html`${kindField(values, errors, form === 'general' ? GENERAL_KINDS : PICTURE_KINDS)}
${radioField({ name: 'surface', legend: 'Where did you see it?', choices: SURFACE_CHOICES, value: values.surface, errors })}
${textField({ name: 'urls', label: 'Web address (link)', hint: 'Copy the address from your browser and paste it here. If there is more than one, put each on its own line.', value: values.urls ?? '', errors, multiline: true })}
${textField({ name: 'where', label: 'Where can we find it? (only if there is no link)', hint: 'For a private message or a group chat, tell us who sent it, the name of the chat, and the date. Up to 500 letters and spaces.', value: values.where ?? '', errors, multiline: true })}`
}

/** Name, email and the choice of updates (Ofcom D6). */
export function contactFields(
  values: FormValues,
  errors: FieldErrors,
  optionalNote?: string,
): SafeHtml {
  return html`<h2>About you</h2>
${optionalNote ? html`<p>${optionalNote}</p>` : ''}
${textField({ name: 'name', label: 'Your name', value: values.name ?? '', errors, autocomplete: 'name' })}
${textField({ name: 'email', label: 'Your email address', hint: 'We only use it to tell you about your report.', value: values.email ?? '', errors, type: 'email', autocomplete: 'email' })}
${checkboxField({ name: 'followUp', label: 'Send me updates about my report', hint: 'Untick this if you do not want messages from us. You can still check your report with your private link.', checked: ticked(values, 'followUp'), errors })}`
}
