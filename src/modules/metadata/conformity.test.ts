import { describe, expect, it } from 'vitest';
import type { TableSchema } from '../../kernel/table-schema/table-schema.js';
import type { ValidationReport } from '../datastore/domain/validation/validation-report.js';
import {
  CONFORMITY_KEYS,
  type ConformityFacts,
  type ConformityKey,
  evaluateConformity,
  metadataFacts,
} from './conformity.js';
import { EMPTY_METADATA } from './dataset-metadata.js';
import type { FormValues } from './domain/form-values.js';
import { MS_IND, MS_KEG, MS_VAR } from './domain/index.js';

const schema: TableSchema = {
  fields: [
    { name: 'kode_kecamatan', type: 'string', 'x-classification': 'open' },
    { name: 'jenjang', type: 'string', 'x-classification': 'open' },
    { name: 'jumlah', type: 'integer', 'x-classification': 'open' },
  ],
  foreignKeys: [{ fields: 'kode_kecamatan', reference: { resource: 'region:district', fields: 'code' } }],
};
const goodReport: ValidationReport = {
  valid: true,
  row_count: 3,
  error_count: 0,
  warning_count: 0,
  errors: [],
  warnings: [],
};

/** Facts of a dataset that meets every requirement. */
function complete(): ConformityFacts {
  return {
    licenseId: 'CC-BY-4.0',
    classification: 'open',
    resources: [
      { name: 'tabel', format: 'CSV', tableSchema: schema, loaded: true, latestReport: goodReport },
    ],
    codeListNames: new Set(['jenjang-pendidikan']),
    metadata: {
      standardLinked: true,
      activityMissing: [],
      variablesMissing: [],
      indicatorCount: 1,
      indicatorsMissing: [],
    },
  };
}

/** Change the first resource of the facts. */
function patchResource(f: ConformityFacts, patch: Partial<ConformityFacts['resources'][number]>) {
  const [first, ...rest] = f.resources;
  if (!first) throw new Error('no resource');
  f.resources = [{ ...first, ...patch }, ...rest];
}

function checkOf(f: ConformityFacts, key: ConformityKey) {
  const c = evaluateConformity(f).checks.find((x) => x.key === key);
  if (!c) throw new Error(`no check ${key}`);
  return c;
}

describe(evaluateConformity.name, () => {
  it('scores 100 with every requirement met, in the fixed order of keys', () => {
    const r = evaluateConformity(complete());
    expect(r.checks.map((c) => c.key)).toEqual([...CONFORMITY_KEYS]);
    expect(r.checks.every((c) => c.met)).toBe(true);
    expect(r.score).toBe(100);
  });

  const missing: [ConformityKey, (f: ConformityFacts) => void, RegExp][] = [
    ['standard_linked', (f) => (f.metadata.standardLinked = false), /No data standard/],
    ['activity_metadata_complete', (f) => (f.metadata.activityMissing = null), /No statistical activity/],
    [
      'activity_metadata_complete',
      (f) => (f.metadata.activityMissing = ['tujuan', 'latar_belakang']),
      /incomplete: tujuan, latar_belakang/,
    ],
    [
      'variable_metadata_complete',
      (f) => (f.metadata.variablesMissing = ['tabel › jumlah']),
      /incomplete for columns: tabel › jumlah/,
    ],
    ['variable_metadata_complete', (f) => patchResource(f, { tableSchema: null }), /No table/],
    [
      'indicator_metadata_complete',
      (f) => (f.metadata.indicatorsMissing = ['IPM']),
      /MS-Ind is incomplete: IPM/,
    ],
    ['open_format', (f) => patchResource(f, { format: 'PDF' }), /No CSV, XLSX or JSON/],
    ['open_format', (f) => patchResource(f, { loaded: false }), /loaded into a data table/],
    ['open_license', (f) => (f.licenseId = 'other-closed'), /not an open license/],
    [
      'reference_codes_bound',
      (f) =>
        patchResource(f, {
          tableSchema: { ...schema, foreignKeys: [] },
        }),
      /not bound.*tabel › kode_kecamatan/,
    ],
    [
      'reference_codes_bound',
      (f) =>
        patchResource(f, {
          tableSchema: {
            ...schema,
            foreignKeys: [
              { fields: 'kode_kecamatan', reference: { resource: 'codelist:tidak-ada', fields: 'code' } },
            ],
          },
        }),
      /not bound/,
    ],
    [
      'reference_codes_valid',
      (f) =>
        patchResource(f, {
          latestReport: {
            ...goodReport,
            valid: false,
            error_count: 2,
            errors: [{ kind: 'foreign-key-error', title: '', title_en: '', count: 2, examples: [] }],
          },
        }),
      /unknown reference codes in: tabel/,
    ],
    ['reference_codes_valid', (f) => patchResource(f, { latestReport: null }), /No validated/],
    [
      'classification_set',
      (f) =>
        patchResource(f, {
          tableSchema: { ...schema, fields: schema.fields.map(({ 'x-classification': _, ...rest }) => rest) },
        }),
      /no classification set for columns: tabel › kode_kecamatan/,
    ],
  ];
  for (const [key, spoil, detail] of missing)
    it(`reports ${key} missing (${detail.source}) and lowers the score`, () => {
      const f = complete();
      spoil(f);
      const c = checkOf(f, key);
      expect(c.met).toBe(false);
      expect(c.detail_en).toMatch(detail);
      expect(c.detail_id).not.toBe(c.detail_en);
      expect(evaluateConformity(f).score).toBeLessThan(100);
    });

  it('treats indicators as not applicable when there are none (not counted in the score)', () => {
    const f = complete();
    f.metadata.indicatorCount = 0;
    const c = checkOf(f, 'indicator_metadata_complete');
    expect(c).toMatchObject({ met: true, applicable: false });
    f.metadata.standardLinked = false;
    expect(evaluateConformity(f).score).toBe(Math.round((100 * 7) / 8));
  });

  it('binds coded columns to existing code lists; a table without coded columns has nothing to bind', () => {
    const f = complete();
    patchResource(f, {
      tableSchema: {
        ...schema,
        foreignKeys: [
          ...(schema.foreignKeys ?? []),
          { fields: 'jenjang', reference: { resource: 'codelist:jenjang-pendidikan', fields: 'code' } },
        ],
      },
    });
    expect(checkOf(f, 'reference_codes_bound')).toMatchObject({ met: true });
    const plain = complete();
    patchResource(plain, {
      tableSchema: { fields: [{ name: 'jumlah', type: 'integer', 'x-classification': 'open' }] },
    });
    expect(checkOf(plain, 'reference_codes_bound')).toMatchObject({
      met: true,
      detail_en: 'No coded columns',
    });
  });
});

describe(metadataFacts.name, () => {
  const fill = (def: typeof MS_KEG): FormValues =>
    Object.fromEntries(
      def.fields
        .filter((f) => f.source === 'stored' && f.required)
        .map((f) => [
          f.key,
          f.kind === 'multi' || f.kind === 'list'
            ? [f.choices?.[0]?.code ?? 'x']
            : (f.choices?.[0]?.code ?? 'diisi'),
        ]),
    );
  const resource = { id: 'r1', name: 'tabel', table_schema: schema };

  it('finds nothing linked in empty metadata', () => {
    const m = metadataFacts(EMPTY_METADATA, [resource]);
    expect(m).toMatchObject({ standardLinked: false, activityMissing: null, indicatorCount: 0 });
    expect(m.variablesMissing).toEqual(['tabel › kode_kecamatan', 'tabel › jenjang', 'tabel › jumlah']);
  });

  it('names the required answers still missing, and nothing when all are given', () => {
    const activity = {
      id: 'a',
      title: 'Survei',
      activity_code: null,
      recommendation_status: 'none',
      recommendation_number: null,
      recommendation_date: null,
      ms_keg: fill(MS_KEG),
    };
    const full = metadataFacts(
      {
        ...EMPTY_METADATA,
        statistical_activity: activity,
        variables: schema.fields.map((f) => ({
          resource_id: 'r1',
          field_name: f.name,
          ms_var: fill(MS_VAR),
        })),
        indicators: [{ id: 'i', name: 'IPM', position: 0, ms_ind: fill(MS_IND) }],
      },
      [resource],
    );
    expect(full).toMatchObject({
      activityMissing: [],
      variablesMissing: [],
      indicatorCount: 1,
      indicatorsMissing: [],
    });
    const partial = metadataFacts(
      {
        ...EMPTY_METADATA,
        statistical_activity: { ...activity, ms_keg: {} },
        indicators: [{ id: 'i', name: 'IPM', position: 0, ms_ind: {} }],
      },
      [resource],
    );
    expect(partial.activityMissing).toContain('judul_kegiatan');
    expect(partial.indicatorsMissing).toEqual(['IPM']);
  });
});
