import type { Classification } from '../../kernel/db/schema/sdi.js';
import type { TableSchema } from '../../kernel/table-schema/table-schema.js';
import { publishRefusal } from '../catalog/index.js';
import { missingRequired } from './domain/form-values.js';
import { MS_IND, MS_VAR } from './domain/index.js';
import type { SheetRow } from './worksheet.js';
import {
  findActivityId,
  findDataStandardId,
  findDatasetAgency,
  findIndicatorInDataset,
  findResourceInDataset,
  findWorksheetDataset,
} from './worksheet.repository.js';
import { DATASET_SHEET, INDICATOR_SHEET, SHEET, VARIABLE_SHEET } from './worksheet-layout.js';
import { type Planning, UUID } from './worksheet-plan.js';

function notYours(p: Planning, sheet: string, row: number, name: string) {
  p.problems.add(
    sheet,
    row,
    'dataset',
    `Dataset ${name} tidak ditemukan atau bukan milik Anda`,
    `Dataset ${name} not found or not yours`,
  );
}

/** The standard and activity a dataset row links exist, here or in the upload's own sheets. */
async function checkDatasetLinks(
  p: Planning,
  row: number,
  standard: string | null,
  activityRef: string | null,
) {
  if (standard && !p.standardNames.has(standard) && !(await findDataStandardId(p.db, standard)))
    p.problems.add(
      SHEET.dataset,
      row,
      'data_standard',
      `Standar data ${standard} tidak ditemukan`,
      `Data standard ${standard} not found`,
    );
  if (activityRef && !p.activityRefs.has(activityRef)) {
    const a = UUID.test(activityRef) ? await findActivityId(p.db, activityRef) : undefined;
    if (!a)
      p.problems.add(
        SHEET.dataset,
        row,
        'activity',
        `Kegiatan ${activityRef} tidak ada di lembar MS-Keg`,
        `Activity ${activityRef} is not in sheet MS-Keg`,
      );
  }
}

/** One dataset row: the dataset is in scope, its classification may stay public, its links exist. */
async function planDatasetRow(p: Planning, row: number, values: SheetRow): Promise<void> {
  p.problems.requireColumns(DATASET_SHEET, row, values);
  p.problems.checkChoice(DATASET_SHEET, row, values, 'classification');
  const d = values.dataset ? await findWorksheetDataset(p.db, values.dataset) : undefined;
  if (!d || !p.allowedDatasetIds.has(d.id)) {
    if (values.dataset) notYours(p, SHEET.dataset, row, values.dataset);
    return;
  }
  p.datasetByName.set(d.name, { id: d.id, agencyId: d.agency_id });
  const classification = values.classification as Classification;
  const refusal =
    !d.private && ['restricted', 'closed'].includes(classification) ? publishRefusal(classification) : null;
  if (refusal) p.problems.add(SHEET.dataset, row, 'classification', refusal.id, refusal.en);
  const standard = values.data_standard || null;
  const activityRef = values.activity || null;
  await checkDatasetLinks(p, row, standard, activityRef);
  p.plan.datasets.push({ id: d.id, agencyId: d.agency_id, classification, standard, activityRef });
  // A new activity belongs to the agency of the first dataset that refers to it.
  const a = p.plan.activities.find((x) => x.ref === activityRef && !x.existingId);
  if (a && !a.agencyId) a.agencyId = d.agency_id;
}

/** Datasets: classification and links; then new activities no dataset claimed get an agency. */
export async function planDatasets(p: Planning): Promise<void> {
  for (const { row, values } of p.data[DATASET_SHEET.name] ?? []) await planDatasetRow(p, row, values);
  for (const a of p.plan.activities)
    if (!a.existingId && !a.agencyId)
      a.agencyId = p.actor.agencyId ?? [...p.datasetByName.values()][0]?.agencyId ?? null;
}

/** The dataset an MS-Var or MS-Ind row names, if it is in the upload's scope. */
async function datasetOf(p: Planning, sheet: string, row: number, name: string | undefined) {
  if (!name) return undefined;
  const known = p.datasetByName.get(name);
  if (known) return known;
  const d = await findDatasetAgency(p.db, name);
  if (!d || !p.allowedDatasetIds.has(d.id)) {
    notYours(p, sheet, row, name);
    return undefined;
  }
  const out = { id: d.id, agencyId: d.agency_id };
  p.datasetByName.set(name, out);
  return out;
}

/** One MS-Var row: the column is in the Table Schema of a resource of the dataset. */
async function planVariableRow(p: Planning, row: number, values: SheetRow): Promise<void> {
  p.problems.requireColumns(VARIABLE_SHEET, row, values);
  const d = await datasetOf(p, SHEET.msVar, row, values.dataset);
  const ms = p.problems.checkForm(VARIABLE_SHEET, MS_VAR, row, values);
  p.problems.requireAnswers(SHEET.msVar, row, missingRequired(MS_VAR, ms));
  if (!d || !values.resource_id) return;
  const r = UUID.test(values.resource_id)
    ? await findResourceInDataset(p.db, values.resource_id, d.id)
    : undefined;
  const schema = r?.table_schema as TableSchema | null | undefined;
  if (!r)
    p.problems.add(
      SHEET.msVar,
      row,
      'resource_id',
      'Sumber data tidak ditemukan di dataset ini',
      'Resource not found in this dataset',
    );
  else if (!schema?.fields.some((f) => f.name === values.column))
    p.problems.add(
      SHEET.msVar,
      row,
      'column',
      `Kolom ${values.column} tidak ada di skema tabel`,
      `Column ${values.column} is not in the table schema`,
    );
  else p.plan.variables.push({ resourceId: r.id, column: values.column ?? '', values: ms, datasetId: d.id });
}

/** MS-Var. */
export async function planVariables(p: Planning): Promise<void> {
  for (const { row, values } of p.data[VARIABLE_SHEET.name] ?? []) await planVariableRow(p, row, values);
}

/** One MS-Ind row: a new indicator, or (with an id) one of the dataset's indicators. */
async function planIndicatorRow(p: Planning, row: number, values: SheetRow): Promise<void> {
  p.problems.requireColumns(INDICATOR_SHEET, row, values);
  const d = await datasetOf(p, SHEET.msInd, row, values.dataset);
  const ms = {
    ...p.problems.checkForm(INDICATOR_SHEET, MS_IND, row, values),
    ...(values.name ? { nama_indikator: values.name } : {}),
  };
  p.problems.requireAnswers(SHEET.msInd, row, missingRequired(MS_IND, ms));
  if (!d) return;
  if (values.id) {
    const i = UUID.test(values.id) ? await findIndicatorInDataset(p.db, values.id, d.id) : undefined;
    if (!i)
      p.problems.add(
        SHEET.msInd,
        row,
        'id',
        'Indikator tidak ditemukan di dataset ini',
        'Indicator not found in this dataset',
      );
  }
  p.plan.indicators.push({ datasetId: d.id, id: values.id || null, name: values.name ?? '', values: ms });
}

/** MS-Ind. */
export async function planIndicators(p: Planning): Promise<void> {
  for (const { row, values } of p.data[INDICATOR_SHEET.name] ?? []) await planIndicatorRow(p, row, values);
}
