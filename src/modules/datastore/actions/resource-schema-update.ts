import type { Transaction } from 'kysely';
import { z } from 'zod';
import { authorize } from '../../../kernel/access/policy.js';
import { defineAction } from '../../../kernel/actions/action.js';
import { type ActionContext, mutate } from '../../../kernel/actions/context.js';
import type { DB } from '../../../kernel/db/schema.js';
import { NotFoundError, ValidationError } from '../../../kernel/errors.js';
import type { TableSchema } from '../../../kernel/table-schema/table-schema.js';
import { loadTargetForUpdate } from '../../catalog/index.js';
import { codeListNamesOf, tableSchemaInput } from '../domain/table-schema/table-schema-input.js';
import { findCodeListNames } from '../reference-codes.repository.js';
import { lockResource, setResourceTableSchema } from '../resource.repository.js';
import { parseJsonText } from './resource-fields.js';

const RESOURCE_NOT_FOUND = { id: 'Sumber daya tidak ditemukan', en: 'Resource not found' };

/**
 * The active resource and its dataset (both locked for the transaction), once the actor may update
 * that dataset's agency's data.
 */
export async function loadSchemaTarget(ctx: ActionContext, trx: Transaction<DB>, id: string) {
  const resource = await lockResource(trx, id);
  if (resource?.state !== 'active') throw new NotFoundError(RESOURCE_NOT_FOUND);
  const dataset = await loadTargetForUpdate(ctx, trx, resource.dataset_id);
  authorize(ctx.actor, 'dataset:update', { agencyId: dataset.agency_id });
  return { resource, dataset };
}

/** Every `codelist:<name>` the schema references must exist. */
export async function checkCodeListsExist(trx: Transaction<DB>, schema: TableSchema): Promise<void> {
  const lists = codeListNamesOf(schema);
  if (lists.length === 0) return;
  const known = new Set(await findCodeListNames(trx, lists));
  const unknown = lists.filter((name) => !known.has(name));
  if (unknown.length > 0)
    throw new ValidationError({
      'table_schema.foreignKeys': unknown.map((name) => ({
        id: `Daftar kode '${name}' tidak ada`,
        en: `Code list '${name}' does not exist`,
      })),
    });
}

/**
 * `resource_schema_update`: replaces the Table Schema enforced on the resource's later uploads
 * (the loaded versions keep the types they were loaded with, but every read follows the new
 * `x-classification` of each column at once: see withCurrentClassification). The producer of the dataset's
 * agency or the custodian; the schema is checked by tableSchemaInput, and every
 * `codelist:<name>` it references must exist.
 */
export const resourceSchemaUpdate = defineAction({
  name: 'resource_schema_update',
  requires: 'dataset:update',
  sideEffectFree: false,
  // CKAN clients post nested values as JSON text in form bodies; both shapes are accepted.
  input: z.object({
    id: z.string().min(1).max(100),
    table_schema: z.preprocess(parseJsonText, tableSchemaInput),
  }),
  // The resource is loaded (locked) and checked once, in run()'s transaction.
  authorize: () => {},
  run: (ctx, input) =>
    mutate(ctx, async (trx, audit) => {
      const { resource, dataset } = await loadSchemaTarget(ctx, trx, input.id);
      const schema = input.table_schema;
      await checkCodeListsExist(trx, schema);
      await setResourceTableSchema(trx, resource.id, schema);
      await audit({
        action: 'resource_schema_update',
        subjectType: 'resource',
        subjectId: resource.id,
        summary: {
          dataset: dataset.id,
          fields: schema.fields.map((f) => `${f.name}:${f.type}`),
          primary_key: schema.primaryKey ?? null,
          foreign_keys: (schema.foreignKeys ?? []).map((fk) => fk.reference.resource),
          had_schema: resource.table_schema !== null,
        },
      });
      return { resource_id: resource.id, table_schema: schema };
    }),
});
