// @NOTE The data set of bench/transparency.ts, written by SQL alone (insert … select
// generate_series), so a million decisions take seconds, not hours. Decision i sits at
// YEAR_START + i/N of a year; its case opened (i % 48) hours before; its source cycles through
// own initiative (40%), notices from users and people without an account (49%), trusted flaggers
// (10%) and authorities' orders (1%: orders are rare). Every notice-side case has one report; 5%
// of decisions are appealed (70% upheld, 20% reversed, 10% open); own-initiative cases have one
// detection signal; 1% of decisions set off a suspension; orders have an acknowledgement.

export const YEAR_START = '2025-01-01'
export const YEAR_END = '2026-01-01'

const HARMS = [
  'illegal.terrorism',
  'illegal.csea',
  'illegal.hate',
  'illegal.harassment',
  'illegal.fraud',
  'illegal.drugs',
  'illegal.weapons',
  'illegal.intimate_image_abuse',
  'illegal.extreme_pornography',
  'illegal.foreign_interference',
  'other_illegal',
  'terms',
]

const ACTIONS = [
  '[{"type":"no_action"}]',
  '[{"type":"remove"}]',
  '[{"type":"remove"},{"type":"suspend_account"}]',
  '[{"type":"label"}]',
  '[{"type":"demote"}]',
  '[{"type":"age_restrict"}]',
  '[{"type":"disable"}]',
]

const METHODS = ['hash_match', 'classifier', 'keyword_list', 'url_list', 'rule']

function list(values: readonly string[]): string {
  return `array[${values.map((v) => `'${v}'`).join(', ')}]`
}

/** A deterministic UUID of row i in a table (the prefix tells the tables apart). */
function id(prefix: string, i = 'i'): string {
  return `('${prefix}-0000-4000-8000-' || lpad(to_hex(${i}), 12, '0'))::uuid`
}

/** The statements that seed `n` decisions, in order. */
export function seedStatements(n: number): string[] {
  const at = `(timestamptz '${YEAR_START}' + (i::float8 / ${n}) * interval '365 days')`
  const opened = `(${at} - (i % 48) * interval '1 hour')`
  const source = `(case when i % 10 < 4 then 'own_initiative' when i % 10 = 8 then 'trusted_flagger' when i % 100 = 99 then 'authority' else 'notice' end)`
  const harm = `(${list(HARMS)})[1 + i % ${HARMS.length}]`
  const series = `from generate_series(0, ${n - 1}) as i`
  return [
    `insert into subject (id, external_id, kind, surface, author_id, text, created_at, updated_at)
     select ${id('00000001')}, 'post-' || i, 'text', 'public', 'author-' || (i % 50000), 'x', ${opened}, ${opened}
     ${series}`,
    `insert into moderation_case (id, subject_id, status, queue, priority, harm, sla_deadline, created_at, updated_at, kind, decided_at, priority_basis)
     select ${id('00000002')}, ${id('00000001')}, 'decided', 'general', 100, ${harm},
       ${opened} + interval '3 days', ${opened}, ${at}, 'content', ${at},
       jsonb_build_object('source', case when i % 10 < 4 then (${list(METHODS)})[1 + i % ${METHODS.length}]
         when i % 10 = 8 then 'trusted_flagger' when i % 100 = 99 then 'authority' else 'user_report' end)
     ${series}`,
    `insert into decision (id, case_id, subject_id, harm, ground, actions, statement, automated_detection, automated_decision, decided_by, created_at, source_type)
     select ${id('00000003')}, ${id('00000002')}, ${id('00000001')}, ${harm},
       case when i % 3 = 0 then '{"type":"terms","clause":"4.1","version":"2025-01"}'::jsonb
         else '{"type":"illegal","offence":"an offence"}'::jsonb end,
       (${list(ACTIONS)})[1 + i % ${ACTIONS.length}]::jsonb, 'reasons',
       i % 10 < 4, case when i % 20 = 0 then 'fully' when i % 20 = 1 then 'partially' else 'not' end,
       'moderator', ${at}, ${source}
     ${series}`,
    `insert into report (id, reference, case_id, subject_id, harm, explanation, content_urls, reporter_kind, reporter_id, filed_by, created_at)
     select ${id('00000004')}, 'R-' || i, ${id('00000002')}, ${id('00000001')}, ${harm}, 'why', '[]',
       case when i % 10 = 7 then 'non_user' when i % 10 = 8 then 'trusted_flagger' when i % 100 = 99 then 'authority' else 'user' end,
       'reporter-' || (i % 100000), 'platform', ${opened}
     ${series} where i % 10 >= 4`,
    `insert into appeal (id, reference, kind, decision_id, appellant_role, grounds, status, channel, decided_by, decided_at, created_at)
     select ${id('00000005')}, 'A-' || i, 'decision', ${id('00000003')}, 'author', 'grounds',
       case when (i / 20) % 10 < 7 then 'upheld' when (i / 20) % 10 < 9 then 'reversed' else 'open' end,
       'api', 'moderator',
       case when (i / 20) % 10 < 9 then ${at} + interval '2 days' end, ${at} + interval '1 day'
     ${series} where i % 20 = 3`,
    `insert into signal (id, subject_id, source, harm, score, action, matcher, evidence, created_at)
     select ${id('00000006')}, ${id('00000001')}, (${list(METHODS)})[1 + i % ${METHODS.length}], ${harm},
       0.9, 'review', 'matcher-' || (i % 5), '{}', ${opened}
     ${series} where i % 10 < 4`,
    `insert into account_restriction (id, account_id, kind, reason, decision_id, starts_at, created_at)
     select ${id('00000007')}, 'author-' || (i % 50000), 'suspension', 'strikes', ${id('00000003')}, ${at}, ${at}
     ${series} where i % 100 = 2`,
    `insert into notification (id, kind, recipient_role, recipient_id, report_id, subject_line, body, status, created_at)
     select ${id('00000008')}, 'report_acknowledged', 'flagger', 'reporter-' || i, ${id('00000004')}, 'received', 'body', 'queued', ${opened}
     ${series} where i % 100 = 99`,
  ]
}
