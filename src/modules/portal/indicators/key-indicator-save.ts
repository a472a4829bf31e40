import { z } from 'zod';
import { authorize } from '../../../kernel/access/policy.js';
import { defineAction } from '../../../kernel/actions/action.js';
import { mutate } from '../../../kernel/actions/context.js';
import { ValidationError } from '../../../kernel/errors.js';
import { findDataset, findResource } from '../../catalog/index.js';
import { insertKeyIndicator } from '../public-data.repository.js';

const NUMERIC = new Set(['integer', 'number']);

function refuse(field: string, id: string, en: string): never {
  throw new ValidationError({ [field]: [{ id, en }] });
}

/**
 * The custodian picks a headline indicator from a published table: its period and value columns
 * (an open numeric value column), its titles in both languages, unit, MS-Ind definition, order and
 * whether the home page shows it. Saving the same `name` again updates it.
 */
export const keyIndicatorSave = defineAction({
  name: 'key_indicator_save',
  sideEffectFree: false,
  requires: 'standard:manage',
  input: z.object({
    name: z.string().regex(/^[a-z0-9-]{1,100}$/),
    title: z.string().trim().min(1).max(200),
    title_en: z.string().trim().min(1).max(200),
    resource_id: z.string().uuid(),
    period_field: z.string().min(1).max(100),
    value_field: z.string().min(1).max(100),
    unit: z.string().max(50).default(''),
    definition: z.string().max(5000).default(''),
    position: z.coerce.number().int().min(0).max(1000).default(0),
    featured: z.boolean().default(true),
  }),
  authorize: (ctx) => authorize(ctx.actor, 'standard:manage'),
  async run(ctx, input) {
    return mutate(ctx, async (trx, audit) => {
      const resource = await findResource(trx, input.resource_id);
      const dataset = resource && (await findDataset(trx, resource.dataset_id));
      if (!resource || !dataset || dataset.private || dataset.state !== 'active')
        refuse('resource_id', 'Tabel tidak ditemukan atau belum terbit', 'Table not found or not published');
      const fields = resource.table_schema?.fields ?? [];
      const period = fields.find((f) => f.name === input.period_field);
      const value = fields.find((f) => f.name === input.value_field);
      if (!period)
        refuse('period_field', 'Kolom periode tidak ada di tabel', 'The period column is not in the table');
      if (!value || !NUMERIC.has(value.type) || (value['x-classification'] ?? 'open') !== 'open')
        refuse(
          'value_field',
          'Kolom nilai harus kolom angka yang terbuka',
          'The value column must be an open number column',
        );
      const row = await insertKeyIndicator(trx, { ...input, unit: input.unit || (value.unit ?? '') });
      await audit({
        action: 'key_indicator_save',
        subjectType: 'key_indicator',
        subjectId: row.id,
        summary: input,
      });
      return { id: row.id, name: input.name };
    });
  },
});
