import type { Kysely } from 'kysely';
import { z } from 'zod';
import { authorize } from '../../../kernel/access/policy.js';
import { defineAction } from '../../../kernel/actions/action.js';
import { type ActionContext, mutate } from '../../../kernel/actions/context.js';
import type { Dataset, DB } from '../../../kernel/db/schema.js';
import { NotFoundError, ValidationError } from '../../../kernel/errors.js';
import type { TableSchema } from '../../../kernel/table-schema/table-schema.js';
import { findDataset, findResource, insertRevision, loadVisibleDataset } from '../../catalog/index.js';
import { findDataStandard } from '../data-standard.repository.js';
import { refreshMetadataSummary } from '../dataset-metadata.js';
import { MS_IND } from '../domain/ms-ind.js';
import { MS_VAR } from '../domain/ms-var.js';
import { findStatisticalActivity } from '../statistical-activity.repository.js';
import {
  findIndicator,
  insertIndicator,
  updateIndicator,
  upsertVariableMetadata,
} from '../variable-indicator.repository.js';
import { STANDARD_NOT_FOUND } from './data-standard.js';
import { checkedAnswers, FormAnswers } from './metadata-input.js';
import { ACTIVITY_NOT_FOUND } from './statistical-activity.js';

/** The dataset, if the actor may see it and fill its metadata. */
export async function loadEditableDataset(ctx: ActionContext, idOrName: string): Promise<Dataset> {
  const d = await loadVisibleDataset(ctx, idOrName);
  authorize(ctx.actor, 'metadata:update', { agencyId: d.agency_id });
  return d;
}

/** A dataset revision row, so the dataset's history shows metadata changes too. */
function revise(
  trx: Kysely<DB>,
  ctx: ActionContext,
  datasetId: string,
  action: string,
  changes: Record<string, unknown>,
) {
  return insertRevision(trx, {
    datasetId,
    actorId: ctx.actor.userId,
    actorName: ctx.actor.username,
    action,
    changes,
  });
}

/** Point a dataset at a data standard (or at none). */
export const packageStandardSet = defineAction({
  name: 'package_standard_set',
  requires: 'metadata:update',
  sideEffectFree: false,
  input: z.object({ id: z.string().min(1).max(200), standard_id: z.string().max(200).nullish() }),
  authorize: async (ctx, input) => void (await loadEditableDataset(ctx, input.id)),
  async run(ctx, input) {
    const d = await loadEditableDataset(ctx, input.id);
    const s = input.standard_id ? await findDataStandard(ctx.db, input.standard_id) : null;
    if (input.standard_id && !s) throw new NotFoundError(STANDARD_NOT_FOUND);
    return mutate(ctx, async (trx, audit) => {
      await trx
        .updateTable('dataset')
        .set({ data_standard_id: s?.id ?? null })
        .where('id', '=', d.id)
        .execute();
      await audit({
        action: 'package_standard_set',
        subjectType: 'dataset',
        subjectId: d.id,
        summary: { standard: s?.name ?? null, version: s?.version ?? null },
      });
      await revise(trx, ctx, d.id, 'package_standard_set', { data_standard: s?.name ?? null });
      await refreshMetadataSummary(trx, [d.id]);
      return { id: d.id, data_standard: s ? { id: s.id, name: s.name, version: s.version } : null };
    });
  },
});

/** Point a dataset at the statistical activity that produced it (a new year reuses the series' one). */
export const packageActivitySet = defineAction({
  name: 'package_activity_set',
  requires: 'metadata:update',
  sideEffectFree: false,
  input: z.object({ id: z.string().min(1).max(200), activity_id: z.string().uuid().nullish() }),
  authorize: async (ctx, input) => void (await loadEditableDataset(ctx, input.id)),
  async run(ctx, input) {
    const d = await loadEditableDataset(ctx, input.id);
    const a = input.activity_id ? await findStatisticalActivity(ctx.db, input.activity_id) : null;
    if (input.activity_id && !a) throw new NotFoundError(ACTIVITY_NOT_FOUND);
    if (a) authorize(ctx.actor, 'metadata:update', { agencyId: a.agency_id });
    return mutate(ctx, async (trx, audit) => {
      await trx
        .updateTable('dataset')
        .set({ statistical_activity_id: a?.id ?? null })
        .where('id', '=', d.id)
        .execute();
      await audit({
        action: 'package_activity_set',
        subjectType: 'dataset',
        subjectId: d.id,
        summary: { activity_id: a?.id ?? null, title: a?.title ?? null },
      });
      await revise(trx, ctx, d.id, 'package_activity_set', { statistical_activity: a?.title ?? null });
      await refreshMetadataSummary(trx, [d.id]);
      return { id: d.id, statistical_activity_id: a?.id ?? null };
    });
  },
});

async function loadResourceForEdit(ctx: ActionContext, resourceId: string) {
  const r = await findResource(ctx.db, resourceId);
  const d = r ? await findDataset(ctx.db, r.dataset_id) : undefined;
  if (!r || !d || r.state !== 'active')
    throw new NotFoundError({ id: 'Sumber data tidak ditemukan', en: 'Resource not found' });
  await loadEditableDataset(ctx, d.id);
  return { r, d };
}

/** MS-Var answers for the columns of one tabular resource: `variables` maps column name → answers. */
export const variableMetadataUpdate = defineAction({
  name: 'variable_metadata_update',
  requires: 'metadata:update',
  sideEffectFree: false,
  input: z.object({ resource_id: z.string().uuid(), variables: z.record(z.string().max(200), FormAnswers) }),
  authorize: async (ctx, input) => void (await loadResourceForEdit(ctx, input.resource_id)),
  async run(ctx, input) {
    const { r, d } = await loadResourceForEdit(ctx, input.resource_id);
    const schema = r.table_schema as TableSchema | null;
    const names = new Set(schema?.fields.map((f) => f.name) ?? []);
    const unknown = Object.keys(input.variables).filter((n) => !names.has(n));
    if (unknown.length)
      throw new ValidationError({
        variables: [
          {
            id: `Kolom tidak ada di Table Schema "${r.name}": ${unknown.join(', ')}`,
            en: `Columns not in the Table Schema of "${r.name}": ${unknown.join(', ')}`,
          },
        ],
      });
    const checked = Object.entries(input.variables).map(([name, raw]) => {
      try {
        return [name, checkedAnswers(MS_VAR, raw)] as const;
      } catch (e) {
        if (!(e instanceof ValidationError)) throw e;
        throw new ValidationError(
          Object.fromEntries(Object.entries(e.fields).map(([k, v]) => [`${name}.${k}`, v])),
        );
      }
    });
    return mutate(ctx, async (trx, audit) => {
      for (const [name, values] of checked) await upsertVariableMetadata(trx, r.id, name, values);
      await audit({
        action: 'variable_metadata_update',
        subjectType: 'resource',
        subjectId: r.id,
        summary: { dataset_id: d.id, columns: checked.map(([n]) => n) },
      });
      await revise(trx, ctx, d.id, 'variable_metadata_update', {
        name: r.name,
        columns: checked.map(([n]) => n),
      });
      await refreshMetadataSummary(trx, [d.id]);
      return { resource_id: r.id, variables: Object.fromEntries(checked) };
    });
  },
});

function indicatorName(values: Record<string, string | string[]>): string {
  const name = values.nama_indikator;
  if (typeof name !== 'string' || !name)
    throw new ValidationError({
      'ms_ind.nama_indikator': [{ id: 'Nama indikator wajib diisi', en: 'Indicator name is required' }],
    });
  return name;
}

export const indicatorMetadataCreate = defineAction({
  name: 'indicator_metadata_create',
  requires: 'metadata:update',
  sideEffectFree: false,
  input: z.object({ package_id: z.string().min(1).max(200), ms_ind: FormAnswers }),
  authorize: async (ctx, input) => void (await loadEditableDataset(ctx, input.package_id)),
  async run(ctx, input) {
    const d = await loadEditableDataset(ctx, input.package_id);
    const values = checkedAnswers(MS_IND, input.ms_ind);
    const name = indicatorName(values);
    return mutate(ctx, async (trx, audit) => {
      const i = await insertIndicator(trx, { dataset_id: d.id, name, ms_ind: values });
      await audit({
        action: 'indicator_metadata_create',
        subjectType: 'indicator',
        subjectId: i.id,
        summary: { dataset_id: d.id, name },
      });
      await revise(trx, ctx, d.id, 'indicator_metadata_create', { name });
      await refreshMetadataSummary(trx, [d.id]);
      return i;
    });
  },
});

async function loadIndicatorForEdit(ctx: ActionContext, id: string) {
  const i = await findIndicator(ctx.db, id);
  if (!i) throw new NotFoundError({ id: 'Indikator tidak ditemukan', en: 'Indicator not found' });
  const d = await loadEditableDataset(ctx, i.dataset_id);
  return { i, d };
}

export const indicatorMetadataUpdate = defineAction({
  name: 'indicator_metadata_update',
  requires: 'metadata:update',
  sideEffectFree: false,
  input: z.object({ id: z.string().uuid(), ms_ind: FormAnswers }),
  authorize: async (ctx, input) => void (await loadIndicatorForEdit(ctx, input.id)),
  async run(ctx, input) {
    const { d } = await loadIndicatorForEdit(ctx, input.id);
    const values = checkedAnswers(MS_IND, input.ms_ind);
    const name = indicatorName(values);
    return mutate(ctx, async (trx, audit) => {
      const i = await updateIndicator(trx, input.id, { name, ms_ind: values });
      await audit({
        action: 'indicator_metadata_update',
        subjectType: 'indicator',
        subjectId: i.id,
        summary: { dataset_id: d.id, name },
      });
      await revise(trx, ctx, d.id, 'indicator_metadata_update', { name });
      await refreshMetadataSummary(trx, [d.id]);
      return i;
    });
  },
});
