import { type Kysely, sql } from 'kysely';
import { EPSS_ASPECTS, EPSS_DOMAINS, EPSS_INDICATORS, EPSS_LEVEL_CRITERIA } from './epss-reference.js';

/**
 * Evaluation (issue 16): the EPSS structure as editable data (seeded from epss-reference.ts), a
 * region's yearly self-assessment with BPS's verification per indicator, the yearly report to
 * the head of region and portal use counted per dataset, kind and month (no visitor address is
 * stored, only counts).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against no schema on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table epss_domain (
      code text primary key check (code ~ '^[0-9]$'),
      name_id text not null,
      name_en text not null,
      weight numeric not null check (weight >= 0),
      position integer not null default 0
    );
    create table epss_aspect (
      code text primary key check (code ~ '^[0-9]{3}$'),
      domain_code text not null references epss_domain(code) on update cascade,
      name_id text not null,
      name_en text not null,
      weight numeric check (weight >= 0),
      position integer not null default 0
    );
    create table epss_indicator (
      code text primary key check (code ~ '^[0-9]{5}$'),
      aspect_code text not null references epss_aspect(code) on update cascade,
      name_id text not null,
      name_en text not null,
      weight numeric check (weight >= 0),
      criteria jsonb not null,
      position integer not null default 0
    );
    create table epss_assessment (
      id uuid primary key default gen_random_uuid(),
      year integer not null unique check (year between 2000 and 2100),
      state text not null default 'draft' check (state in ('draft', 'submitted', 'verified')),
      created_by uuid,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create table epss_score (
      assessment_id uuid not null references epss_assessment(id) on delete cascade,
      indicator_code text not null references epss_indicator(code) on update cascade,
      level integer check (level between 1 and 5),
      explanation text not null default '',
      evidence jsonb not null default '[]',
      proposed_level integer check (proposed_level between 1 and 5),
      proposal jsonb,
      assessed_by uuid,
      assessed_by_name text,
      assessed_at timestamptz,
      verify_outcome text check (verify_outcome in ('agree', 'adjust')),
      verified_level integer check (verified_level between 1 and 5),
      verify_note text not null default '',
      verified_by uuid,
      verified_by_name text,
      verified_at timestamptz,
      primary key (assessment_id, indicator_code)
    );
    create table evaluation_report (
      id uuid primary key default gen_random_uuid(),
      year integer not null check (year between 2000 and 2100),
      state text not null default 'draft' check (state in ('draft', 'approved')),
      generated_by uuid,
      generated_by_name text not null,
      generated_at timestamptz not null default now(),
      approved_by uuid,
      approved_by_name text,
      approved_at timestamptz
    );
    create index evaluation_report_year on evaluation_report (year, generated_at desc);
    create table portal_usage (
      month date not null check (extract(day from month) = 1),
      dataset_id uuid not null references dataset(id) on delete cascade,
      kind text not null check (kind in ('view', 'download', 'api')),
      count integer not null default 0 check (count >= 0),
      primary key (month, dataset_id, kind)
    );
  `.execute(db);
  await db
    .insertInto('epss_domain')
    .values(
      EPSS_DOMAINS.map((d, n) => ({
        code: d.code,
        name_id: d.name.id,
        name_en: d.name.en,
        weight: d.weight,
        position: n,
      })),
    )
    .execute();
  await db
    .insertInto('epss_aspect')
    .values(
      EPSS_ASPECTS.map((a, n) => ({
        code: a.code,
        domain_code: a.domain,
        name_id: a.name.id,
        name_en: a.name.en,
        weight: a.weight,
        position: n,
      })),
    )
    .execute();
  await db
    .insertInto('epss_indicator')
    .values(
      EPSS_INDICATORS.map((x, n) => ({
        code: x.code,
        aspect_code: x.aspect,
        name_id: x.name.id,
        name_en: x.name.en,
        weight: null,
        criteria: JSON.stringify(EPSS_LEVEL_CRITERIA),
        position: n,
      })),
    )
    .execute();
}
