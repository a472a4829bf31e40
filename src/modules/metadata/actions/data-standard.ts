import { z } from 'zod';
import { authorize } from '../../../kernel/access/policy.js';
import { defineAction } from '../../../kernel/actions/action.js';
import { mutate } from '../../../kernel/actions/context.js';
import { ConflictError, NotFoundError } from '../../../kernel/errors.js';
import type { TableSchema } from '../../../kernel/table-schema/table-schema.js';
import { checkCodeListsExist, parseJsonText, tableSchemaInput } from '../../datastore/index.js';
import {
  datasetIdsByStandard,
  findDataStandard,
  insertDataStandard,
  listDataStandards,
  listDataStandardVersions,
  updateDataStandard,
} from '../data-standard.repository.js';
import { refreshMetadataSummary } from '../dataset-metadata.js';
import { SDSN_CODE } from '../domain/data-standard.js';
import { OptionalText } from './metadata-input.js';

export const STANDARD_NOT_FOUND = { id: 'Standar data tidak ditemukan', en: 'Data standard not found' };

/** The content of a data standard (Standar Data, Peraturan BPS 4/2020). */
export const StandardFields = z.object({
  title: z.string().trim().min(1).max(300),
  concept: z.string().trim().min(1, 'Konsep wajib diisi / Concept is required').max(2000),
  definition: z.string().trim().min(1, 'Definisi wajib diisi / Definition is required').max(5000),
  classification: z.string().trim().max(2000).default(''),
  measure: z.string().trim().max(200).default(''),
  unit: z.string().trim().max(200).default(''),
  source_kind: z.enum(['bps', 'ministry', 'regional']),
  source_reference: z.string().trim().max(1000).default(''),
  sdsn_code: OptionalText(20).refine(
    (v) => v === null || SDSN_CODE.test(v),
    'Kode SDSN berbentuk AA99999.99.99 / Kode SDSN must look like AA99999.99.99',
  ),
  /**
   * The columns of the tables that fulfil the standard (checked as resource_schema_update checks
   * a resource's); JSON text or an object; null removes it, left out keeps it.
   */
  table_schema: z.preprocess(parseJsonText, tableSchemaInput.nullable()).optional(),
});

/** The schema as the jsonb column takes it (undefined: left as it is). */
function schemaColumn(schema: TableSchema | null | undefined): string | null | undefined {
  return schema ? JSON.stringify(schema) : schema;
}

/** What an audit row says of a schema: its columns and types, not the whole document. */
function schemaSummary(schema: TableSchema | null | undefined) {
  return schema ? schema.fields.map((f) => `${f.name}:${f.type}`) : schema;
}

export const dataStandardCreate = defineAction({
  name: 'data_standard_create',
  requires: 'standard:manage',
  sideEffectFree: false,
  input: StandardFields.extend({
    name: z
      .string()
      .regex(
        /^[a-z0-9_-]{2,100}$/,
        'Nama URL: huruf kecil, angka, - atau _ / URL name: lowercase letters, digits, - or _',
      ),
  }),
  authorize: (ctx) => authorize(ctx.actor, 'standard:manage'),
  async run(ctx, input) {
    if (await findDataStandard(ctx.db, input.name))
      throw new ConflictError({
        id: `Standar data ${input.name} sudah ada`,
        en: `Data standard ${input.name} exists`,
      });
    return mutate(ctx, async (trx, audit) => {
      if (input.table_schema) await checkCodeListsExist(trx, input.table_schema);
      const row = { ...input, table_schema: schemaColumn(input.table_schema) };
      const s = await insertDataStandard(trx, row, ctx.actor.userId);
      await audit({
        action: 'data_standard_create',
        subjectType: 'data_standard',
        subjectId: s.id,
        summary: { ...input, table_schema: schemaSummary(input.table_schema) ?? null },
      });
      return s;
    });
  },
});

export const dataStandardUpdate = defineAction({
  name: 'data_standard_update',
  requires: 'standard:manage',
  sideEffectFree: false,
  input: StandardFields.extend({ id: z.string().min(1).max(200) }),
  authorize: (ctx) => authorize(ctx.actor, 'standard:manage'),
  async run(ctx, { id, ...content }) {
    return mutate(ctx, async (trx, audit) => {
      // Loaded once, locked: the version recorded follows the content this change replaces.
      const before = await findDataStandard(trx, id, { forUpdate: true });
      if (!before) throw new NotFoundError(STANDARD_NOT_FOUND);
      if (content.table_schema) await checkCodeListsExist(trx, content.table_schema);
      const row = { ...content, table_schema: schemaColumn(content.table_schema) };
      const s = await updateDataStandard(trx, before.id, row, ctx.actor.userId);
      const { table_schema: schema, ...text } = content;
      const changed: Record<string, unknown> = Object.fromEntries(
        Object.entries(text).filter(([k, v]) => before[k as keyof typeof before] !== v),
      );
      if (schema !== undefined && JSON.stringify(schema) !== JSON.stringify(before.table_schema))
        changed.table_schema = schemaSummary(schema);
      await audit({
        action: 'data_standard_update',
        subjectType: 'data_standard',
        subjectId: s.id,
        summary: { version: s.version, changed },
      });
      // Datasets keep pointing at the standard; their read model shows the new version.
      await refreshMetadataSummary(trx, await datasetIdsByStandard(trx, s.id));
      return s;
    });
  },
});

export const dataStandardShow = defineAction({
  name: 'data_standard_show',
  sideEffectFree: true,
  input: z.object({ id: z.string().min(1).max(200) }),
  authorize: (ctx) => authorize(ctx.actor, 'portal:read'),
  async run(ctx, input) {
    const s = await findDataStandard(ctx.db, input.id);
    if (!s) throw new NotFoundError(STANDARD_NOT_FOUND);
    const versions = await listDataStandardVersions(ctx.db, s.id);
    return {
      ...s,
      versions: versions.map((v) => ({ version: v.version, created_at: v.created_at, content: v.content })),
    };
  },
});

export const dataStandardList = defineAction({
  name: 'data_standard_list',
  sideEffectFree: true,
  input: z.object({
    q: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
    offset: z.coerce.number().int().min(0).default(0),
  }),
  authorize: (ctx) => authorize(ctx.actor, 'portal:read'),
  run: (ctx, input) => listDataStandards(ctx.db, input),
});
