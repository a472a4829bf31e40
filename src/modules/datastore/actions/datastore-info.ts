import { z } from 'zod';
import { authorize } from '../../../kernel/access/policy.js';
import { defineAction } from '../../../kernel/actions/action.js';
import { countTableRows } from '../datastore-read.repository.js';
import { CKAN_TYPES, loadReadableTable, PG_TYPES } from '../read/readable-table.js';
import { ResourceIdInput, VersionInput } from './datastore-input.js';

/**
 * CKAN `datastore_info`: the table's `meta` (row count, table type, aliases) and its `fields`
 * (without `_id`, as CKAN) with their native type and the data dictionary `info` taken from the
 * Table Schema. Non-open columns are left out for callers who may not read private data.
 */
export const datastoreInfo = defineAction({
  name: 'datastore_info',
  sideEffectFree: true,
  input: z
    .object({
      id: ResourceIdInput.optional(),
      resource_id: ResourceIdInput.optional(),
      version: VersionInput.optional(),
    })
    .refine((v) => v.id ?? v.resource_id, { path: ['id'], message: 'Wajib diisi / Missing value' }),
  authorize: (ctx) => authorize(ctx.actor, 'portal:read'),
  async run(ctx, input) {
    const rid = (input.id ?? input.resource_id ?? '').toLowerCase();
    const t = await loadReadableTable(ctx.db, ctx.actor, rid, { version: input.version });
    const count = t.rowCount ?? (await countTableRows(ctx.db, t.tableName));
    const primaryKey = new Set(t.schema.primaryKey === undefined ? [] : [t.schema.primaryKey].flat());
    return {
      meta: {
        id: t.resource.id,
        count,
        table_type: 'BASE TABLE',
        aliases: [],
        version: t.versionNumber,
      },
      fields: t.columns
        .filter((c) => c.type !== 'id')
        .map((c) => {
          const f = c.field;
          const info: Record<string, string> = {};
          if (f?.title) info.label = f.title;
          if (f?.description) info.notes = f.description;
          if (f?.unit) info.unit = f.unit;
          if (f?.['title:en']) info['label:en'] = f['title:en'];
          return {
            id: c.name,
            type: CKAN_TYPES[c.type],
            schema: {
              native_type: PG_TYPES[c.type],
              notnull: f?.constraints?.required === true,
              uniquekey: f?.constraints?.unique === true || primaryKey.has(c.name),
              is_index: false,
              index_name: null,
            },
            ...(Object.keys(info).length ? { info } : {}),
          };
        }),
    };
  },
});
