import { type Kysely, sql } from 'kysely'

/**
 * The illegal-content risk assessment (OSA s.9) in versions, and the alternative measures taken
 * instead of Code measures (s.23(4)). A version is edited only while it is a draft; once approved
 * it never changes, except that a later approval marks it superseded. Nothing is deleted until it
 * has been superseded for three years (records kept at least 3 years); the database refuses it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(SCHEMA).execute(db)
}

const SCHEMA = `
create table risk_assessment (
  id uuid primary key,
  version integer not null unique check (version >= 1),
  status text not null check (status in ('draft', 'approved', 'superseded')),
  profile jsonb not null,
  harms jsonb not null,
  responsible_person jsonb not null,
  completed_by jsonb not null,
  completed_on text not null check (completed_on ~ '^\\d{4}-\\d{2}-\\d{2}$'),
  reviewed_on text check (reviewed_on ~ '^\\d{4}-\\d{2}-\\d{2}$'),
  risk_profiles jsonb not null,
  notes text,
  live_evidence jsonb,
  created_by text not null,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  approved_by jsonb,
  approved_by_actor text,
  approved_at timestamptz,
  superseded_at timestamptz,
  check ((status = 'draft') = (approved_at is null)),
  check ((status = 'superseded') = (superseded_at is not null))
);
-- At most one draft and one approved version at a time.
create unique index risk_assessment_one_draft on risk_assessment ((true)) where status = 'draft';
create unique index risk_assessment_one_approved on risk_assessment ((true))
  where status = 'approved';

create function risk_assessment_guard() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    if old.superseded_at is null or old.superseded_at > now() - interval '3 years' then
      raise exception 'risk assessment version % is kept for at least 3 years after it is superseded (OSA s.23)', old.version;
    end if;
    return old;
  end if;
  if old.status = 'draft' then
    return new;
  end if;
  if old.status = 'approved' and new.status = 'superseded'
    and (to_jsonb(new) - 'status' - 'superseded_at') = (to_jsonb(old) - 'status' - 'superseded_at')
  then
    return new;
  end if;
  raise exception 'risk assessment version % is %: it is never changed in place; create a new version', old.version, old.status;
end
$$;
create trigger risk_assessment_guard before update or delete on risk_assessment
  for each row execute function risk_assessment_guard();

create table alternative_measure (
  id uuid primary key,
  measure text not null,
  description text not null,
  how_it_complies text not null,
  freedom_of_expression text not null,
  privacy text not null,
  recorded_by jsonb not null,
  recorded_by_actor text not null,
  recorded_at timestamptz not null
);
create index alternative_measure_measure_idx on alternative_measure (measure, recorded_at desc);

create function alternative_measure_guard() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' and old.recorded_at <= now() - interval '3 years' then
    return old;
  end if;
  raise exception 'alternative measures are records (OSA s.23): never changed, kept at least 3 years; record a new one instead';
end
$$;
create trigger alternative_measure_guard before update or delete on alternative_measure
  for each row execute function alternative_measure_guard();
`
