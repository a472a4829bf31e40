import type { Kysely } from 'kysely';
import { z } from 'zod';
import { authorize } from '../../../kernel/access/policy.js';
import { defineAction } from '../../../kernel/actions/action.js';
import { type ActionContext, mutate } from '../../../kernel/actions/context.js';
import type { DB } from '../../../kernel/db/schema.js';
import { NotFoundError, ValidationError } from '../../../kernel/errors.js';
import type { TableSchema } from '../../../kernel/table-schema/table-schema.js';
import { findResource, insertRevision } from '../../catalog/index.js';
import { findDataStandard } from '../data-standard.repository.js';
import { refreshMetadataSummary } from '../dataset-metadata.js';
import { setDatasetActivity, setDatasetStandard } from '../dataset-metadata.repository.js';
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
import { loadEditableDataset } from './dataset-load.js';
import { checkedAnswers, FormAnswers } from './metadata-input.js';
import { ACTIVITY_NOT_FOUND } from './statistical-activity.js';

export { loadEditableDataset } from './dataset-load.js';

/**
 * Every action here loads its dataset once, locked, inside its transaction: 404 when the actor
 * may not see it, 403 when they may not fill its metadata, then the change with its audit row.
 * Their `authorize` hooks are empty for that reason (the permission itself is `requires`).
 */
const CHECKED_IN_RUN = () => {};

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
  authorize: CHECKED_IN_RUN,
  async run(ctx, input) {
    return mutate(ctx, async (trx, audit) => {
      const d = await loadEditableDataset(ctx, input.id, { db: trx, forUpdate: true });
      const s = input.standard_id ? await findDataStandard(trx, input.standard_id) : null;
      if (input.standard_id && !s) throw new NotFoundError(STANDARD_NOT_FOUND);
      await setDatasetStandard(trx, d.id, s?.id ?? null);
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
  authorize: CHECKED_IN_RUN,
  async run(ctx, input) {
    return mutate(ctx, async (trx, audit) => {
      const d = await loadEditableDataset(ctx, input.id, { db: trx, forUpdate: true });
      const a = input.activity_id ? await findStatisticalActivity(trx, input.activity_id) : null;
      if (input.activity_id && !a) throw new NotFoundError(ACTIVITY_NOT_FOUND);
      if (a) authorize(ctx.actor, 'metadata:update', { agencyId: a.agency_id });
      await setDatasetActivity(trx, d.id, a?.id ?? null);
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

const RESOURCE_NOT_FOUND = { id: 'Sumber data tidak ditemukan', en: 'Resource not found' };

/** An active resource and its dataset (locked), if the actor may fill the dataset's metadata. */
async function loadResourceForEdit(ctx: ActionContext, trx: Kysely<DB>, resourceId: string) {
  const r = await findResource(trx, resourceId);
  if (r?.state !== 'active') throw new NotFoundError(RESOURCE_NOT_FOUND);
  const d = await loadEditableDataset(ctx, r.dataset_id, { db: trx, forUpdate: true });
  return { r, d };
}

/** Each column's answers checked against MS-Var; errors are named `<column>.<field>`. */
function checkedVariables(
  schema: TableSchema | null,
  resourceName: string,
  variables: Record<string, Record<string, unknown>>,
) {
  const names = new Set(schema?.fields.map((f) => f.name) ?? []);
  const unknown = Object.keys(variables).filter((n) => !names.has(n));
  if (unknown.length)
    throw new ValidationError({
      variables: [
        {
          id: `Kolom tidak ada di Table Schema "${resourceName}": ${unknown.join(', ')}`,
          en: `Columns not in the Table Schema of "${resourceName}": ${unknown.join(', ')}`,
        },
      ],
    });
  return Object.entries(variables).map(([name, raw]) => {
    try {
      return [name, checkedAnswers(MS_VAR, raw)] as const;
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      throw new ValidationError(
        Object.fromEntries(Object.entries(e.fields).map(([k, v]) => [`${name}.${k}`, v])),
      );
    }
  });
}

/** MS-Var answers for the columns of one tabular resource: `variables` maps column name → answers. */
export const variableMetadataUpdate = defineAction({
  name: 'variable_metadata_update',
  requires: 'metadata:update',
  sideEffectFree: false,
  input: z.object({ resource_id: z.string().uuid(), variables: z.record(z.string().max(200), FormAnswers) }),
  authorize: CHECKED_IN_RUN,
  async run(ctx, input) {
    return mutate(ctx, async (trx, audit) => {
      const { r, d } = await loadResourceForEdit(ctx, trx, input.resource_id);
      const checked = checkedVariables(r.table_schema as TableSchema | null, r.name, input.variables);
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
  authorize: CHECKED_IN_RUN,
  async run(ctx, input) {
    return mutate(ctx, async (trx, audit) => {
      const d = await loadEditableDataset(ctx, input.package_id, { db: trx, forUpdate: true });
      const values = checkedAnswers(MS_IND, input.ms_ind);
      const name = indicatorName(values);
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

export const indicatorMetadataUpdate = defineAction({
  name: 'indicator_metadata_update',
  requires: 'metadata:update',
  sideEffectFree: false,
  input: z.object({ id: z.string().uuid(), ms_ind: FormAnswers }),
  authorize: CHECKED_IN_RUN,
  async run(ctx, input) {
    return mutate(ctx, async (trx, audit) => {
      const found = await findIndicator(trx, input.id);
      if (!found) throw new NotFoundError({ id: 'Indikator tidak ditemukan', en: 'Indicator not found' });
      const d = await loadEditableDataset(ctx, found.dataset_id, { db: trx, forUpdate: true });
      const values = checkedAnswers(MS_IND, input.ms_ind);
      const name = indicatorName(values);
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
