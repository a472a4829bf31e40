import type { Transaction } from 'kysely';
import type { ActionContext, Audit } from '../../kernel/actions/context.js';
import type { DB } from '../../kernel/db/schema.js';
import { insertDataStandard, updateDataStandard } from './data-standard.repository.js';
import { refreshMetadataSummary } from './dataset-metadata.js';
import { insertStatisticalActivity, updateStatisticalActivity } from './statistical-activity.repository.js';
import { insertIndicator, updateIndicator, upsertVariableMetadata } from './variable-indicator.repository.js';
import {
  getDataStandardId,
  listDatasetIdsLinkedTo,
  setDatasetWorksheetLinks,
} from './worksheet.repository.js';
import type { Plan } from './worksheet-plan.js';

/** Save the planned standards; returns name → id. */
async function applyStandards(trx: Transaction<DB>, actorId: string | null, plan: Plan) {
  const standardIds = new Map<string, string>();
  for (const s of plan.standards) {
    const content = {
      ...s.content,
      source_kind: s.content.source_kind as 'bps' | 'ministry' | 'regional',
    } as never;
    const saved = s.existingId
      ? await updateDataStandard(trx, s.existingId, content, actorId)
      : await insertDataStandard(trx, { ...(content as object), name: s.name } as never, actorId);
    standardIds.set(s.name, saved.id);
  }
  return standardIds;
}

/** Save the planned activities; returns ref → id. */
async function applyActivities(trx: Transaction<DB>, plan: Plan) {
  const activityIds = new Map<string, string>();
  for (const a of plan.activities) {
    const row = {
      ...a.fields,
      recommendation_status: a.fields.recommendation_status as never,
      ms_keg: JSON.stringify(a.msKeg),
    };
    const saved = a.existingId
      ? await updateStatisticalActivity(trx, a.existingId, row)
      : await insertStatisticalActivity(trx, { ...row, agency_id: a.agencyId as string });
    activityIds.set(a.ref, saved.id);
  }
  return activityIds;
}

/** Set each dataset's classification, standard and activity; then MS-Var and MS-Ind. Returns the datasets touched. */
async function applyDatasets(
  trx: Transaction<DB>,
  plan: Plan,
  standardIds: Map<string, string>,
  activityIds: Map<string, string>,
) {
  const touched = new Set<string>();
  for (const d of plan.datasets) {
    const standardId = d.standard
      ? (standardIds.get(d.standard) ?? (await getDataStandardId(trx, d.standard)))
      : null;
    const activityId = d.activityRef ? (activityIds.get(d.activityRef) ?? d.activityRef) : null;
    await setDatasetWorksheetLinks(trx, d.id, {
      classification: d.classification,
      data_standard_id: standardId,
      statistical_activity_id: activityId,
    });
    touched.add(d.id);
  }
  for (const v of plan.variables) {
    await upsertVariableMetadata(trx, v.resourceId, v.column, v.values);
    touched.add(v.datasetId);
  }
  for (const i of plan.indicators) {
    if (i.id) await updateIndicator(trx, i.id, { name: i.name, ms_ind: i.values });
    else await insertIndicator(trx, { dataset_id: i.datasetId, name: i.name, ms_ind: i.values });
    touched.add(i.datasetId);
  }
  return touched;
}

/** Datasets that use a changed standard or activity carry it in their read model too. */
async function refreshAffected(
  trx: Transaction<DB>,
  standardIds: Map<string, string>,
  activityIds: Map<string, string>,
  touched: Set<string>,
) {
  const anyChange = standardIds.size || activityIds.size || touched.size;
  const affected = !anyChange
    ? []
    : await listDatasetIdsLinkedTo(trx, {
        standardIds: [...standardIds.values()],
        activityIds: [...activityIds.values()],
        datasetIds: [...touched],
      });
  const all = [...new Set([...touched, ...affected.map((r) => r.id)])];
  if (all.length) await refreshMetadataSummary(trx, all);
}

/** Write a checked plan in the caller's transaction, with one audit row per upload. */
export async function applyWorksheet(ctx: ActionContext, trx: Transaction<DB>, audit: Audit, plan: Plan) {
  const standardIds = await applyStandards(trx, ctx.actor.userId, plan);
  const activityIds = await applyActivities(trx, plan);
  const touched = await applyDatasets(trx, plan, standardIds, activityIds);
  await refreshAffected(trx, standardIds, activityIds, touched);
  await audit({
    action: 'metadata_worksheet_upload',
    subjectType: 'dataset',
    subjectId: plan.datasets[0]?.id ?? null,
    summary: {
      datasets: [...touched],
      standards: [...standardIds.keys()],
      activities: [...activityIds.values()],
      variables: plan.variables.length,
      indicators: plan.indicators.length,
    },
  });
  return {
    datasets: touched.size,
    standards: standardIds.size,
    activities: activityIds.size,
    variables: plan.variables.length,
    indicators: plan.indicators.length,
  };
}
