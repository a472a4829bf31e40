/**
 * CKAN's DataStore writes (ckanext/datastore/logic/action.py: `datastore_create`,
 * `datastore_upsert`, `datastore_delete`, `datastore_records_delete`): how an agency's own
 * system pushes its figures without files. Each write is checked whole against the resource's
 * Table Schema and becomes a new version (table-write.ts); earlier versions stay readable.
 */
import { z } from 'zod';
import { defineAction } from '../../../kernel/actions/action.js';
import type { ActionContext } from '../../../kernel/actions/context.js';
import { ValidationError } from '../../../kernel/errors.js';
import type { TableSchema } from '../../../kernel/table-schema/table-schema.js';
import { FiltersInput, looseBoolean, ResourceIdInput } from '../actions/datastore-input.js';
import { ResourceFields } from '../actions/resource-fields.js';
import { resourceCreate } from '../actions/resource-write.js';
import { filterConditions } from '../datastore-search.repository.js';
import type { ReadableTable } from '../read/readable-table.js';
import { loadReferenceLookup } from '../reference-codes.repository.js';
import { AliasesInput, assignAliases } from './aliases.js';
import { checkFieldsMatch, ckanFieldsOf, tableFieldsOf } from './ckan-fields.js';
import { deleteRows, findRowByKey, insertRow, updateRow } from './datastore-write.repository.js';
import { type Method, planRecords, primaryKeyOf } from './record-plan.js';
import { type WriteTarget, writeTable } from './table-write.js';

const MAX_RECORDS = 10_000;

/** `records`: a list of objects (or its JSON text, as a form post sends it). */
const RecordsInput = z.preprocess(
  (v) => (typeof v === 'string' ? safeJson(v) : v),
  z.array(z.record(z.string(), z.unknown())).max(MAX_RECORDS),
);
const FieldsList = z.preprocess(
  (v) => (typeof v === 'string' ? safeJson(v) : v),
  z
    .array(
      z.object({
        id: z.string().min(1).max(63),
        type: z.string().max(40).optional(),
        info: z.record(z.string(), z.unknown()).optional(),
      }),
    )
    .max(500),
);
const KeyList = z.preprocess(
  (v) =>
    typeof v === 'string'
      ? v.trim().startsWith('[')
        ? safeJson(v)
        : v
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
      : v,
  z.array(z.string().min(1).max(63)).max(20),
);

function safeJson(v: string): unknown {
  try {
    return JSON.parse(v) as unknown;
  } catch {
    return v;
  }
}

const NO_TABLE_SCHEMA = new ValidationError({
  fields: [
    {
      id: 'Sumber daya ini belum punya Table Schema: kirim fields untuk membuat tabelnya',
      en: 'This resource has no Table Schema yet: send fields to create its table',
    },
  ],
});

function schemaOf(raw: unknown): TableSchema | null {
  return raw && typeof raw === 'object' ? (raw as TableSchema) : null;
}

/** Apply the planned record operations to the new version's table; refuse all on any error. */
async function applyRecords(t: WriteTarget, method: Method, records: Record<string, unknown>[]) {
  const lookup = await loadReferenceLookup(t.trx, t.schema);
  const plan = await planRecords(t.schema, lookup, method, records, (key) =>
    findRowByKey(t.trx, t.version.id, t.schema, key),
  );
  if (plan.errors.length) throw new ValidationError({ records: plan.errors });
  let inserted = 0;
  let updated = 0;
  for (const op of plan.ops) {
    if (op.kind === 'insert') {
      await insertRow(t.trx, t.version.id, t.schema, op.values);
      inserted++;
    } else {
      await updateRow(t.trx, t.version.id, t.schema, op.id, op.values);
      updated++;
    }
  }
  return { method, inserted, updated };
}

const CreateInput = z.object({
  resource_id: ResourceIdInput.optional(),
  /** CKAN: a new resource's fields (package_id, name, …) instead of resource_id. */
  resource: ResourceFields.extend({ package_id: z.string().min(1) }).optional(),
  aliases: AliasesInput.optional(),
  fields: FieldsList.optional(),
  records: RecordsInput.optional(),
  primary_key: KeyList.optional(),
  force: looseBoolean.optional(),
  calculate_record_count: looseBoolean.optional(),
});

/** As CKAN, a `resource` is created first (resource_create: its own checks and audit row). */
async function targetResourceId(ctx: ActionContext, input: z.infer<typeof CreateInput>): Promise<string> {
  if (input.resource_id) return input.resource_id;
  if (!input.resource)
    throw new ValidationError({ resource_id: [{ id: 'Wajib diisi', en: 'Missing value' }] });
  return (await resourceCreate.run(ctx, input.resource)).id;
}

/** `datastore_create` (action.py `datastore_create`): the table's fields, key and first records. */
export const datastoreCreate = defineAction({
  name: 'datastore_create',
  requires: 'dataset:update',
  sideEffectFree: false,
  input: CreateInput.refine((v) => v.resource_id ?? v.resource, {
    path: ['resource_id'],
    message: 'Wajib diisi / Missing value',
  }),
  // The resource is loaded (locked) and checked once, in the write's transaction.
  authorize: () => {},
  run: async (ctx, input) =>
    writeTable(ctx, await targetResourceId(ctx, input), {
      action: 'datastore_create',
      schemaFor: (resource) => {
        const current = schemaOf(resource.table_schema);
        const given = input.fields ? tableFieldsOf(input.fields) : undefined;
        if (!current && !given) throw NO_TABLE_SCHEMA;
        if (current && given) checkFieldsMatch(current, given);
        const schema: TableSchema = current ?? { fields: given ?? [] };
        if (input.primary_key) {
          const missing = input.primary_key.filter((k) => !schema.fields.some((f) => f.name === k));
          if (missing.length)
            throw new ValidationError({
              primary_key: [
                {
                  id: `Kolom kunci tidak ada: ${missing.join(', ')}`,
                  en: `No such key column: ${missing.join(', ')}`,
                },
              ],
            });
          if (current && JSON.stringify(primaryKeyOf(current)) !== JSON.stringify(input.primary_key))
            throw new ValidationError({
              primary_key: [
                {
                  id: 'Kunci primer tabel ini sudah ditetapkan di Table Schema',
                  en: "This table's primary key is set by its Table Schema",
                },
              ],
            });
          if (!current) schema.primaryKey = input.primary_key;
        }
        return schema;
      },
      change: async (t) => {
        if (input.aliases) await assignAliases(t.trx, input.aliases, t.resource.id);
        return applyRecords(t, 'insert', input.records ?? []);
      },
      result: (t) => ({
        resource_id: t.resource.id,
        ...(input.aliases ? { aliases: input.aliases } : {}),
        fields: ckanFieldsOf(t.schema),
        ...(primaryKeyOf(t.schema).length ? { primary_key: primaryKeyOf(t.schema) } : {}),
        method: 'insert',
      }),
    }),
});

/** `datastore_upsert` (action.py `datastore_upsert`): insert, update or upsert records; `dry_run` checks only. */
export const datastoreUpsert = defineAction({
  name: 'datastore_upsert',
  requires: 'dataset:update',
  sideEffectFree: false,
  input: z.object({
    resource_id: ResourceIdInput,
    records: RecordsInput,
    method: z.enum(['upsert', 'insert', 'update']).default('upsert'),
    dry_run: looseBoolean.default(false),
    include_records: looseBoolean.default(false),
    force: looseBoolean.optional(),
  }),
  authorize: () => {},
  run: (ctx, input) =>
    writeTable(ctx, input.resource_id, {
      action: 'datastore_upsert',
      dryRun: input.dry_run,
      schemaFor: (resource) => schemaOf(resource.table_schema) ?? Promise.reject(NO_TABLE_SCHEMA),
      change: (t) => applyRecords(t, input.method, input.records),
      result: (t) => ({
        resource_id: t.resource.id,
        method: input.method,
        ...(input.include_records ? { records: input.records } : {}),
      }),
    }),
});

/** Filters checked against the schema's columns (datastore_search's rules), as SQL conditions. */
function whereOf(schema: TableSchema, filters: Record<string, unknown>) {
  const columns = [
    { name: '_id', type: 'id' as const, field: undefined },
    ...schema.fields.map((f) => ({ name: f.name, type: f.type, field: f })),
  ];
  return filterConditions({ schema, columns } as unknown as ReadableTable, filters);
}

const DeleteInput = z.object({
  resource_id: ResourceIdInput,
  filters: FiltersInput.optional(),
  force: looseBoolean.optional(),
});

async function deleteWhere(
  ctx: Parameters<typeof writeTable>[0],
  action: string,
  input: z.infer<typeof DeleteInput>,
) {
  return writeTable(ctx, input.resource_id, {
    action,
    schemaFor: (resource) => schemaOf(resource.table_schema) ?? Promise.reject(NO_TABLE_SCHEMA),
    change: async (t) => {
      // Without filters every row goes: the table stays (empty) as the newest version, so the
      // earlier ones remain readable, where CKAN would drop the table.
      const deleted = await deleteRows(t.trx, t.version.id, whereOf(t.schema, input.filters ?? {}));
      return { deleted, filters: input.filters ?? {} };
    },
    result: (t) => ({ resource_id: t.resource.id, filters: input.filters ?? {} }),
  });
}

/** `datastore_delete` (action.py `datastore_delete`): rows matching `filters`, or all of them. */
export const datastoreDelete = defineAction({
  name: 'datastore_delete',
  requires: 'dataset:update',
  sideEffectFree: false,
  input: DeleteInput,
  authorize: () => {},
  run: (ctx, input) => deleteWhere(ctx, 'datastore_delete', input),
});

/** `datastore_records_delete` (action.py, CKAN 2.10+): like datastore_delete, but `filters` is required. */
export const datastoreRecordsDelete = defineAction({
  name: 'datastore_records_delete',
  requires: 'dataset:update',
  sideEffectFree: false,
  input: DeleteInput.extend({ filters: FiltersInput }),
  authorize: () => {},
  run: (ctx, input) => deleteWhere(ctx, 'datastore_records_delete', input),
});
