import { z } from 'zod'
import { isRestrictive } from '../../../core/decision.js'
import { plainDateTime } from '../../../core/report-messages.js'
import type { AppealLink, AppealPageState } from '../../../services/public-appeal.js'
import type { FormValues } from '../../pages/form-body.js'
import { EMAIL_LIMIT, ErrorList, type FormState, isEmailAddress } from '../../pages/form-fields.js'
import {
  checkboxField,
  errorSummary,
  type FieldError,
  form,
  html,
  type SafeHtml,
  textField,
} from '../../pages/html.js'

export const GROUNDS_LIMIT = 5000

export interface AppealAnswers {
  grounds: string
  email: string | undefined
  followUp: boolean
}

/** The link's own fields, carried through the form so the answer reaches the same decision. */
function linkFields(link: AppealLink): SafeHtml {
  const fields =
    link.by === 'author'
      ? html`<input type="hidden" name="decision" value="${link.decisionId}">`
      : html`<input type="hidden" name="report" value="${link.reference}">`
  return html`${fields}<input type="hidden" name="token" value="${link.token}">`
}

function intro(state: AppealPageState): SafeHtml {
  const { decision, link } = state
  const decided = plainDateTime(decision.createdAt)
  const what =
    link.by === 'author'
      ? html`<p>On ${decided} we made a decision about something you posted. This is what we told you:</p>
<blockquote class="note"><p>${decision.statement}</p></blockquote>`
      : html`<p>You reported something to us. On ${decided} we decided ${
          isRestrictive(decision.actions) ? 'to act on it' : 'to leave it as it is'
        }.</p>`
  return html`${what}
<p>If you think we got it wrong, tell us why below. A different person from the one who decided will look at it again. A computer will not decide it. It is free.</p>
<p>You can ask until <strong>${plainDateTime(state.closesAt)}</strong>.</p>`
}

/** The appeal form with the person's answers and a message beside each problem. */
export function renderAppealForm(state: AppealPageState, form_: FormState): SafeHtml {
  const v = form_.values
  const e = form_.errors
  const body = html`${errorSummary(e)}${intro(state)}${linkFields(state.link)}
${textField({ name: 'grounds', label: 'Why do you think our decision is wrong?', hint: 'Tell us in your own words. Add anything we may not have known.', value: v.grounds ?? '', errors: e, multiline: true, maxLength: GROUNDS_LIMIT })}
${textField({ name: 'email', label: 'Your email address (optional)', hint: 'We send our answer here. You can leave it empty and check your private link instead.', value: v.email ?? '', errors: e, type: 'email', autocomplete: 'email', maxLength: EMAIL_LIMIT })}
${checkboxField({ name: 'followUp', label: 'Send me updates about my appeal', hint: 'Untick this if you do not want any messages from us about it.', checked: v.followUp === 'yes', errors: e })}`
  return form('/appeal/new', body, 'Send my appeal')
}

/** The answers, or the problems to show. Nothing is stored here. */
export function parseAppealForm(
  values: FormValues,
): { answers: AppealAnswers; errors: [] } | { answers?: undefined; errors: FieldError[] } {
  const errors = new ErrorList()
  const grounds = (values.grounds ?? '').trim()
  if (!grounds) errors.add('grounds', 'Tell us why you think our decision is wrong')
  else if (grounds.length > GROUNDS_LIMIT) {
    errors.add(
      'grounds',
      `Make it shorter: up to ${GROUNDS_LIMIT.toLocaleString('en-GB')} characters (you wrote ${grounds.length.toLocaleString('en-GB')})`,
    )
  }
  const email = (values.email ?? '').trim()
  if (email && !isEmailAddress(email)) {
    errors.add('email', 'Enter an email address like name@example.com, or leave it empty')
  }
  if (errors.list.length > 0) return { errors: errors.list }
  return {
    answers: { grounds, email: email || undefined, followUp: values.followUp === 'yes' },
    errors: [],
  }
}

/** The link a page was reached with: `report` + `token`, or `decision` + `token`. */
export function linkFrom(values: Record<string, unknown> | undefined): AppealLink | undefined {
  const text = (name: string) => {
    const value = values?.[name]
    return typeof value === 'string' && value.length > 0 && value.length <= 200 ? value : undefined
  }
  const token = text('token')
  if (!token) return undefined
  const reference = text('report')
  if (reference) return { by: 'reporter', reference, token }
  const decisionId = text('decision')
  if (decisionId && z.uuid().safeParse(decisionId).success) {
    return { by: 'author', decisionId, token }
  }
  return undefined
}
