import type { Kysely } from 'kysely';
import type { DB, Resource } from '../../kernel/db/schema.js';
import type { TableField, TableSchema } from '../../kernel/table-schema/table-schema.js';
import { findLicense } from '../catalog/index.js';
import type { ValidationReport } from '../datastore/index.js';
import { type DatasetMetadata, loadDatasetMetadata, withColumns } from './dataset-metadata.js';
import { MS_IND, MS_KEG, MS_VAR, missingRequired } from './domain/index.js';

/** The SDI requirements a dataset is checked against, in the order they are shown. */
export const CONFORMITY_KEYS = [
  'standard_linked',
  'activity_metadata_complete',
  'variable_metadata_complete',
  'indicator_metadata_complete',
  'open_format',
  'open_license',
  'reference_codes_bound',
  'reference_codes_valid',
  'classification_set',
] as const;
export type ConformityKey = (typeof CONFORMITY_KEYS)[number];

export interface ConformityCheck {
  key: ConformityKey;
  met: boolean;
  /** False when the requirement does not apply (no indicators): it then counts for nothing. */
  applicable: boolean;
  /** What is met or missing, and where, in Bahasa Indonesia and English. */
  detail_id: string;
  detail_en: string;
}

export interface Conformity {
  /** Share of the applicable requirements met, 0..100 (rounded). */
  score: number;
  checks: ConformityCheck[];
}

/** Formats a machine reads without proprietary software (SDI's interoperability principle). */
export const OPEN_MACHINE_READABLE_FORMATS = ['CSV', 'XLSX', 'JSON'] as const;

/**
 * A column that holds codes: its name says so (`kode_…`, `…_kode`, `kd_…`, `code`), or it is
 * already the source of a foreign key. Such a column must be bound to a reference code list.
 */
export function isCodedField(field: TableField, schema: TableSchema): boolean {
  if (/(^|_)(kode|kd|code)(_|$)/i.test(field.name)) return true;
  return foreignKeyOf(field.name, schema) !== undefined;
}

/** The reference a field is bound to (`region:regency`, `codelist:<name>`), if any. */
export function foreignKeyOf(fieldName: string, schema: TableSchema): string | undefined {
  for (const fk of schema.foreignKeys ?? []) {
    const fields = Array.isArray(fk.fields) ? fk.fields : [fk.fields];
    if (fields.includes(fieldName)) return fk.reference.resource;
  }
  return undefined;
}

const REGION_REFERENCES = new Set(['region:province', 'region:regency', 'region:district', 'region:village']);

/** The dataset's parts the checks read, loaded once. */
export interface ConformityFacts {
  licenseId: string;
  classification: 'open' | 'restricted' | 'closed';
  resources: {
    name: string;
    format: string;
    tableSchema: TableSchema | null;
    loaded: boolean;
    /** The latest upload's validation report, if any. */
    latestReport: ValidationReport | null;
  }[];
  codeListNames: Set<string>;
  metadata: MetadataFacts;
}

/**
 * What the metadata area (MS-Keg, MS-Var, MS-Ind, data standard) says about the dataset; each
 * list names what is missing, so the detail can say where.
 */
export interface MetadataFacts {
  standardLinked: boolean;
  /** Null: no statistical activity linked; else the required MS-Keg fields left empty. */
  activityMissing: string[] | null;
  /** `resource › column` entries with no or incomplete MS-Var. */
  variablesMissing: string[];
  indicatorCount: number;
  /** Indicators whose required MS-Ind fields are incomplete. */
  indicatorsMissing: string[];
}

function check(key: ConformityKey, met: boolean, id: string, en: string, applicable = true): ConformityCheck {
  return { key, met, applicable, detail_id: id, detail_en: en };
}

function list(items: string[], max = 5): string {
  return items.length > max ? `${items.slice(0, max).join(', ')} (+${items.length - max})` : items.join(', ');
}

/** The checks, as a pure function of the facts (unit-tested without a database). */
export function evaluateConformity(f: ConformityFacts): Conformity {
  const m = f.metadata;
  const tables = f.resources.filter((r) => r.tableSchema && r.tableSchema.fields.length > 0);
  const checks: ConformityCheck[] = [];

  checks.push(
    m.standardLinked
      ? check('standard_linked', true, 'Standar data tertaut', 'A data standard is linked')
      : check('standard_linked', false, 'Belum ada standar data yang tertaut', 'No data standard is linked'),
  );

  checks.push(
    m.activityMissing === null
      ? check(
          'activity_metadata_complete',
          false,
          'Belum ada kegiatan statistik (MS-Keg) yang tertaut',
          'No statistical activity (MS-Keg) is linked',
        )
      : m.activityMissing.length
        ? check(
            'activity_metadata_complete',
            false,
            `MS-Keg belum lengkap: ${list(m.activityMissing)}`,
            `MS-Keg is incomplete: ${list(m.activityMissing)}`,
          )
        : check('activity_metadata_complete', true, 'MS-Keg lengkap', 'MS-Keg is complete'),
  );

  checks.push(
    tables.length === 0
      ? check(
          'variable_metadata_complete',
          false,
          'Belum ada tabel dengan skema kolom untuk diberi MS-Var',
          'No table with a column schema to describe with MS-Var yet',
        )
      : m.variablesMissing.length
        ? check(
            'variable_metadata_complete',
            false,
            `MS-Var belum lengkap untuk kolom: ${list(m.variablesMissing)}`,
            `MS-Var is incomplete for columns: ${list(m.variablesMissing)}`,
          )
        : check(
            'variable_metadata_complete',
            true,
            'MS-Var lengkap untuk setiap kolom',
            'MS-Var is complete for every column',
          ),
  );

  checks.push(
    m.indicatorCount === 0
      ? check(
          'indicator_metadata_complete',
          true,
          'Tidak ada indikator: tidak berlaku',
          'No indicators: not applicable',
          false,
        )
      : m.indicatorsMissing.length
        ? check(
            'indicator_metadata_complete',
            false,
            `MS-Ind belum lengkap: ${list(m.indicatorsMissing)}`,
            `MS-Ind is incomplete: ${list(m.indicatorsMissing)}`,
          )
        : check('indicator_metadata_complete', true, 'MS-Ind lengkap', 'MS-Ind is complete'),
  );

  const open = f.resources.find(
    (r) => r.loaded && (OPEN_MACHINE_READABLE_FORMATS as readonly string[]).includes(r.format.toUpperCase()),
  );
  checks.push(
    open
      ? check(
          'open_format',
          true,
          `Sumber data ${open.name} berformat ${open.format.toUpperCase()} dan dapat dibaca mesin`,
          `Resource ${open.name} is ${open.format.toUpperCase()} and machine-readable`,
        )
      : check(
          'open_format',
          false,
          'Belum ada sumber data CSV, XLSX atau JSON yang dimuat ke tabel data',
          'No CSV, XLSX or JSON resource is loaded into a data table',
        ),
  );

  const license = findLicense(f.licenseId);
  checks.push(
    license?.isOpen
      ? check('open_license', true, `Lisensi terbuka: ${license.title}`, `Open license: ${license.title}`)
      : check(
          'open_license',
          false,
          `Lisensi ${f.licenseId} bukan lisensi terbuka`,
          `License ${f.licenseId} is not an open license`,
        ),
  );

  const unbound: string[] = [];
  const boundCount = { n: 0 };
  for (const r of tables) {
    const schema = r.tableSchema as TableSchema;
    for (const field of schema.fields) {
      if (!isCodedField(field, schema)) continue;
      const ref = foreignKeyOf(field.name, schema);
      const known =
        ref !== undefined &&
        (REGION_REFERENCES.has(ref) || (ref.startsWith('codelist:') && f.codeListNames.has(ref.slice(9))));
      if (known) boundCount.n++;
      else unbound.push(`${r.name} › ${field.name}`);
    }
  }
  checks.push(
    unbound.length
      ? check(
          'reference_codes_bound',
          false,
          `Kolom kode belum terikat ke daftar kode referensi: ${list(unbound)}`,
          `Coded columns not bound to a reference code list: ${list(unbound)}`,
        )
      : check(
          'reference_codes_bound',
          true,
          boundCount.n ? 'Setiap kolom kode terikat ke daftar kode referensi' : 'Tidak ada kolom kode',
          boundCount.n ? 'Every coded column is bound to a reference code list' : 'No coded columns',
        ),
  );

  const fkBroken = f.resources.filter((r) =>
    r.latestReport?.errors.some((e) => e.kind === 'foreign-key-error' && e.count > 0),
  );
  const validated = f.resources.filter((r) => r.latestReport !== null);
  checks.push(
    fkBroken.length
      ? check(
          'reference_codes_valid',
          false,
          `Validasi terakhir menemukan kode referensi tidak dikenal di: ${list(fkBroken.map((r) => r.name))}`,
          `The latest validation found unknown reference codes in: ${list(fkBroken.map((r) => r.name))}`,
        )
      : validated.length === 0
        ? check('reference_codes_valid', false, 'Belum ada unggahan tervalidasi', 'No validated upload yet')
        : check(
            'reference_codes_valid',
            true,
            'Validasi terakhir tanpa kesalahan kode referensi',
            'The latest validation has no reference code errors',
          ),
  );

  const unclassified = tables.flatMap((r) =>
    (r.tableSchema as TableSchema).fields
      .filter((c) => !c['x-classification'])
      .map((c) => `${r.name} › ${c.name}`),
  );
  const level = {
    open: ['terbuka', 'open'],
    restricted: ['terbatas', 'restricted'],
    closed: ['tertutup', 'closed'],
  }[f.classification];
  checks.push(
    unclassified.length
      ? check(
          'classification_set',
          false,
          `Dataset ${level[0]}; klasifikasi belum ditetapkan untuk kolom: ${list(unclassified)}`,
          `Dataset ${level[1]}; no classification set for columns: ${list(unclassified)}`,
        )
      : check(
          'classification_set',
          true,
          `Dataset ${level[0]}, setiap kolom berklasifikasi`,
          `Dataset ${level[1]}, every column classified`,
        ),
  );

  const applicable = checks.filter((c) => c.applicable);
  const score = applicable.length
    ? Math.round((100 * applicable.filter((c) => c.met).length) / applicable.length)
    : 0;
  return { score, checks };
}

/** What the metadata area says about a dataset, as the conformity checks read it. */
export function metadataFacts(
  m: DatasetMetadata,
  resources: readonly Pick<Resource, 'id' | 'name' | 'table_schema'>[],
): MetadataFacts {
  const columns = withColumns(m, resources);
  return {
    standardLinked: m.data_standard !== null,
    activityMissing: m.statistical_activity
      ? missingRequired(MS_KEG, m.statistical_activity.ms_keg).map((f) => f.key)
      : null,
    variablesMissing: columns
      .filter((c) => missingRequired(MS_VAR, c.ms_var).length > 0)
      .map((c) => `${c.resource_name} › ${c.field.name}`),
    indicatorCount: m.indicators.length,
    indicatorsMissing: m.indicators
      .filter((i) => missingRequired(MS_IND, i.ms_ind).length > 0)
      .map((i) => i.name),
  };
}

/**
 * Which SDI requirements a dataset meets and which it misses, with a score (issue #6 item 4).
 * Shown to the producer on the dataset form, to the custodian in the verification checklist,
 * and in the API (`package_conformity_show`, package_show's `sdi_conformity_score`).
 * The caller decides who may see the dataset; this only reads.
 */
export async function datasetConformity(db: Kysely<DB>, datasetId: string): Promise<Conformity> {
  const d = await db
    .selectFrom('dataset')
    .select(['id', 'license_id', 'classification'])
    .where('id', '=', datasetId)
    .executeTakeFirstOrThrow();
  const resources = await db
    .selectFrom('resource')
    .select(['id', 'name', 'format', 'table_schema', 'datastore_version_id'])
    .where('dataset_id', '=', datasetId)
    .where('state', '=', 'active')
    .orderBy('position')
    .execute();
  const ids = resources.map((r) => r.id);
  const [metadata, reports, lists] = await Promise.all([
    loadDatasetMetadata(db, datasetId),
    ids.length
      ? db
          .selectFrom('resource_version')
          .select(['resource_id', 'number', 'report'])
          .where('resource_id', 'in', ids)
          .where('report', 'is not', null)
          .orderBy('number', 'desc')
          .execute()
      : [],
    db.selectFrom('code_list').select('name').execute(),
  ]);
  const latest = new Map<string, ValidationReport>();
  for (const r of reports)
    if (!latest.has(r.resource_id)) latest.set(r.resource_id, r.report as ValidationReport);
  return evaluateConformity({
    licenseId: d.license_id,
    classification: d.classification,
    resources: resources.map((r) => ({
      name: r.name || r.id,
      format: r.format,
      tableSchema: r.table_schema,
      loaded: r.datastore_version_id !== null,
      latestReport: latest.get(r.id) ?? null,
    })),
    codeListNames: new Set(lists.map((l) => l.name)),
    metadata: metadataFacts(metadata, resources),
  });
}
