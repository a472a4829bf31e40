import type { Kysely } from 'kysely';
import type { DB } from '../../kernel/db/schema.js';
import type { TableSchema } from '../../kernel/table-schema/table-schema.js';
import type { FormValues } from './domain/form-values.js';
import { listIndicators, listVariableMetadata } from './variable-indicator.repository.js';
import type { SheetRow } from './worksheet.js';
import {
  listDataStandardsByIds,
  listWorksheetActivities,
  listWorksheetDatasets,
  listWorksheetResources,
} from './worksheet.repository.js';
import {
  ACTIVITY_SHEET,
  INDICATOR_SHEET,
  SHEET,
  VARIABLE_SHEET,
  type WorksheetColumn,
  type WorksheetSheet,
} from './worksheet-layout.js';

function cellText(kind: WorksheetColumn['kind'], v: string | string[] | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.join(kind === 'multi' ? '; ' : '\n');
  return v;
}

/** The form columns of a sheet filled from stored answers. */
function formCells(sheet: WorksheetSheet, values: FormValues): SheetRow {
  return Object.fromEntries(
    sheet.columns.filter((c) => c.formKey).map((c) => [c.key, cellText(c.kind, values[c.formKey as string])]),
  );
}

const unique = (ids: (string | null)[]) => [...new Set(ids.flatMap((id) => (id ? [id] : [])))];

/** The records a worksheet shows: the datasets, what they link, their columns and indicators. */
async function loadWorksheetRecords(db: Kysely<DB>, datasetIds: readonly string[], agencyId: string | null) {
  const datasets = datasetIds.length ? await listWorksheetDatasets(db, datasetIds) : [];
  const standardIds = unique(datasets.map((d) => d.data_standard_id));
  const activityIds = unique(datasets.map((d) => d.statistical_activity_id));
  const [standards, activities, resources] = await Promise.all([
    standardIds.length ? listDataStandardsByIds(db, standardIds) : [],
    activityIds.length || agencyId ? listWorksheetActivities(db, activityIds, agencyId) : [],
    datasets.length
      ? listWorksheetResources(
          db,
          datasets.map((d) => d.id),
        )
      : [],
  ]);
  const variables = await listVariableMetadata(
    db,
    resources.map((r) => r.id),
  );
  const indicators: { dataset: string; indicator: Awaited<ReturnType<typeof listIndicators>>[number] }[] = [];
  for (const d of datasets)
    for (const i of await listIndicators(db, d.id)) indicators.push({ dataset: d.name, indicator: i });
  return { datasets, standards, activities, resources, variables, indicators };
}

type Records = Awaited<ReturnType<typeof loadWorksheetRecords>>;

/** MS-Var: one row per Table Schema column, with its stored answers. */
function variableRows(r: Records): SheetRow[] {
  const stored = new Map(r.variables.map((v) => [`${v.resource_id}\u0000${v.field_name}`, v.ms_var]));
  const datasetName = new Map(r.datasets.map((d) => [d.id, d.name]));
  return r.resources.flatMap((res) =>
    ((res.table_schema as TableSchema | null)?.fields ?? []).map((f) => ({
      dataset: datasetName.get(res.dataset_id) ?? '',
      resource_id: res.id,
      column: f.name,
      ...formCells(VARIABLE_SHEET, stored.get(`${res.id}\u0000${f.name}`) ?? {}),
    })),
  );
}

/** Everything the worksheet of these datasets shows, read from the database. */
export async function worksheetRows(
  db: Kysely<DB>,
  datasetIds: readonly string[],
  agencyId: string | null,
): Promise<Record<string, SheetRow[]>> {
  const r = await loadWorksheetRecords(db, datasetIds, agencyId);
  return {
    [SHEET.dataset]: r.datasets.map((d) => ({
      dataset: d.name,
      title: d.title,
      classification: d.classification,
      data_standard: r.standards.find((s) => s.id === d.data_standard_id)?.name ?? '',
      activity: d.statistical_activity_id ?? '',
    })),
    [SHEET.standard]: r.standards.map((s) => ({
      name: s.name,
      title: s.title,
      concept: s.concept,
      definition: s.definition,
      classification: s.classification,
      measure: s.measure,
      unit: s.unit,
      source_kind: s.source_kind,
      source_reference: s.source_reference,
      sdsn_code: s.sdsn_code ?? '',
    })),
    [SHEET.msKeg]: r.activities.map((a) => ({
      ref: a.id,
      title: a.title,
      activity_code: a.activity_code ?? '',
      recommendation_status: a.recommendation_status,
      recommendation_number: a.recommendation_number ?? '',
      recommendation_date: a.recommendation_date ?? '',
      ...formCells(ACTIVITY_SHEET, a.ms_keg),
    })),
    [SHEET.msVar]: variableRows(r),
    [SHEET.msInd]: r.indicators.map(({ dataset, indicator: i }) => ({
      dataset,
      id: i.id,
      name: i.name,
      ...formCells(INDICATOR_SHEET, i.ms_ind),
    })),
  };
}
