import { type Kysely, sql } from 'kysely';

/**
 * Planning (issue 13): the yearly data list (Daftar Data) in the regional 19-column format
 * (STANDARDS.md §3.5), the proposals for it (from producers, planning documents and the public),
 * the Forum Satu Data's meetings with their minutes and decisions, the generated records (Berita
 * Acara, SK draft) and the signed decree, and what each agency owes once the list is enacted.
 * A list is one per year; its items keep the 19 columns as text exactly as the format writes them.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against no schema on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table data_list (
      id uuid primary key default gen_random_uuid(),
      year integer not null unique check (year between 2000 and 2100),
      status text not null default 'draft' check (status in ('draft', 'discussed', 'agreed', 'enacted')),
      version integer not null default 1 check (version >= 1),
      decree_number text not null default '',
      decree_file_key text,
      decree_file_name text,
      enacted_at timestamptz,
      collection_instance_id uuid references workflow_instance(id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create table data_list_item (
      id uuid primary key default gen_random_uuid(),
      list_id uuid not null references data_list(id) on delete cascade,
      position integer not null default 0,
      id_ddd text not null check (length(id_ddd) between 1 and 100),
      id_ddp text not null default '',
      source_reference text not null default '',
      indicator_code text not null default '',
      indicator_name text not null default '',
      data_name text not null check (length(data_name) between 1 and 500),
      kind text not null check (kind in ('statistik', 'geospasial', 'keuangan')),
      indicator_variable text not null default '',
      standard_code text not null default '',
      agency_id uuid not null references agency(id),
      risk_class text not null default 'terbuka' check (risk_class in ('terbuka', 'terbatas', 'tertutup')),
      definition text not null default '',
      unit text not null default '',
      presentation text not null default '',
      update_schedule text not null default 'tahunan'
        check (update_schedule in ('harian', 'mingguan', 'bulanan', 'triwulanan', 'semesteran', 'tahunan', 'insidental')),
      rad_category text not null default '',
      metadata_code text not null default '',
      portal_link text not null default '',
      sdi_link text not null default '',
      priority boolean not null default false,
      disaggregation text check (disaggregation in ('province', 'regency', 'district', 'village')),
      collection_method text not null default '',
      responsible_officer text not null default '',
      data_standard_id uuid references data_standard(id) on delete set null,
      statistical_activity_id uuid references statistical_activity(id) on delete set null,
      status text not null default 'planned'
        check (status in ('planned', 'agreed', 'changed', 'refused', 'postponed')),
      producer_response text check (producer_response in ('agree', 'refuse')),
      producer_reason text not null default '',
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (list_id, id_ddd)
    );
    create index data_list_item_agency on data_list_item (agency_id);
    create table data_list_item_dataset (
      item_id uuid not null references data_list_item(id) on delete cascade,
      dataset_id uuid not null references dataset(id) on delete cascade,
      primary key (item_id, dataset_id)
    );
    create table data_proposal (
      id uuid primary key default gen_random_uuid(),
      year integer not null check (year between 2000 and 2100),
      source text not null check (source in ('public', 'producer', 'need', 'data_request')),
      data_name text not null check (length(data_name) between 1 and 500),
      description text not null default '',
      agency_id uuid references agency(id),
      planning_document text not null default '',
      proposer_name text not null default '',
      proposer_email text not null default '',
      state text not null default 'new' check (state in ('new', 'accepted', 'rejected')),
      item_id uuid references data_list_item(id) on delete set null,
      created_at timestamptz not null default now()
    );
    create index data_proposal_year on data_proposal (year, state);
    create table forum_meeting (
      id uuid primary key default gen_random_uuid(),
      year integer not null check (year between 2000 and 2100),
      title text not null check (length(title) between 1 and 300),
      held_on date not null,
      place text not null default '',
      agenda text not null default '',
      invitees jsonb not null default '[]'::jsonb,
      attendance jsonb not null default '[]'::jsonb,
      minutes text not null default '',
      minutes_recorded_at timestamptz,
      created_by uuid references app_user(id),
      created_at timestamptz not null default now()
    );
    create index forum_meeting_year on forum_meeting (year);
    create table forum_decision (
      meeting_id uuid not null references forum_meeting(id) on delete cascade,
      item_id uuid not null references data_list_item(id) on delete cascade,
      decision text not null check (decision in ('agreed', 'changed', 'refused', 'postponed')),
      note text not null default '',
      decided_at timestamptz not null default now(),
      primary key (meeting_id, item_id)
    );
    create table planning_record (
      id uuid primary key default gen_random_uuid(),
      year integer not null check (year between 2000 and 2100),
      kind text not null check (kind in ('berita_acara', 'sk_draft')),
      meeting_id uuid references forum_meeting(id) on delete set null,
      list_version integer not null,
      signatories jsonb not null default '[]'::jsonb,
      generated_by uuid references app_user(id),
      generated_at timestamptz not null default now(),
      unique (year, kind)
    );
    create table data_list_obligation (
      id uuid primary key default gen_random_uuid(),
      item_id uuid not null references data_list_item(id) on delete cascade,
      agency_id uuid not null references agency(id),
      period text not null,
      due_on date not null,
      unique (item_id, period)
    );
    create index data_list_obligation_agency on data_list_obligation (agency_id);
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against no schema on purpose
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table data_list_obligation; drop table planning_record; drop table forum_decision;
    drop table forum_meeting; drop table data_proposal; drop table data_list_item_dataset;
    drop table data_list_item; drop table data_list;
  `.execute(db);
}
