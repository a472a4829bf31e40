import type { Transaction } from 'kysely';
import { can } from '../../kernel/access/policy.js';
import type { ActionContext, Audit } from '../../kernel/actions/context.js';
import type { Classification } from '../../kernel/db/schema/sdi.js';
import type { DB } from '../../kernel/db/schema.js';
import { type Bilingual, ValidationError } from '../../kernel/errors.js';
import type { TableSchema } from '../../kernel/table-schema/table-schema.js';
import { publishRefusal } from '../catalog/index.js';
import { insertDataStandard, updateDataStandard } from './data-standard.repository.js';
import { refreshMetadataSummary } from './dataset-metadata.js';
import { SDSN_CODE } from './domain/data-standard.js';
import type { FormDefinition } from './domain/form.js';
import { checkFormValues, missingRequired } from './domain/form-values.js';
import { MS_IND, MS_KEG, MS_VAR } from './domain/index.js';
import { insertStatisticalActivity, updateStatisticalActivity } from './statistical-activity.repository.js';
import { insertIndicator, updateIndicator, upsertVariableMetadata } from './variable-indicator.repository.js';
import type { SheetRow, WorksheetData } from './worksheet.js';
import {
  ACTIVITY_SHEET,
  DATASET_SHEET,
  INDICATOR_SHEET,
  SHEET,
  STANDARD_SHEET,
  VARIABLE_SHEET,
  type WorksheetSheet,
} from './worksheet-layout.js';

/** One problem of an uploaded worksheet, as the validation report lists it. */
export interface WorksheetProblem {
  sheet: string;
  /** Row number as the spreadsheet shows it; null for the whole file. */
  row: number | null;
  /** Column key (row 1 of the sheet); null for the whole row. */
  column: string | null;
  message: string;
  message_en: string;
}

/** The worksheet is refused: every problem with its sheet, row and column. */
export class WorksheetRefusedError extends ValidationError {
  constructor(readonly problems: WorksheetProblem[]) {
    super(
      Object.fromEntries(
        groupBy(
          problems,
          (p) =>
            [p.sheet, p.row ? `baris ${p.row}` : '', p.column ?? ''].filter(Boolean).join(' › ') || 'file',
        ),
      ),
      {
        id: `Lembar kerja ditolak: ${problems.length} masalah; tidak ada yang disimpan`,
        en: `Worksheet refused: ${problems.length} problems; nothing was saved`,
      },
    );
  }
}

function groupBy(
  problems: WorksheetProblem[],
  key: (p: WorksheetProblem) => string,
): [string, Bilingual[]][] {
  const m = new Map<string, Bilingual[]>();
  for (const p of problems) m.set(key(p), [...(m.get(key(p)) ?? []), { id: p.message, en: p.message_en }]);
  return [...m];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Plan {
  standards: {
    row: number;
    existingId: string | null;
    name: string;
    content: Record<string, string | null>;
  }[];
  activities: {
    ref: string;
    existingId: string | null;
    agencyId: string | null;
    fields: {
      title: string;
      activity_code: string | null;
      recommendation_status: string;
      recommendation_number: string | null;
      recommendation_date: string | null;
    };
    msKeg: Record<string, string | string[]>;
  }[];
  datasets: {
    id: string;
    agencyId: string;
    classification: Classification;
    standard: string | null;
    activityRef: string | null;
  }[];
  variables: {
    resourceId: string;
    column: string;
    values: Record<string, string | string[]>;
    datasetId: string;
  }[];
  indicators: {
    datasetId: string;
    id: string | null;
    name: string;
    values: Record<string, string | string[]>;
  }[];
}

/**
 * Check a whole worksheet against the database and the forms, and return what to write.
 * Throws WorksheetRefusedError with every problem; nothing is written on any error.
 */
export async function planWorksheet(
  ctx: ActionContext,
  data: WorksheetData,
  allowedDatasetIds: ReadonlySet<string>,
): Promise<Plan> {
  const db = ctx.db;
  const problems: WorksheetProblem[] = [];
  const problem = (sheet: string, row: number | null, column: string | null, id: string, en: string) =>
    problems.push({ sheet, row, column, message: id, message_en: en });
  const rowsOf = (s: WorksheetSheet) => data[s.name] ?? [];

  function requireColumns(sheet: WorksheetSheet, row: number, values: SheetRow) {
    for (const c of sheet.columns)
      if (c.required && !values[c.key])
        problem(sheet.name, row, c.key, `${c.label.id} wajib diisi`, `${c.label.en} is required`);
  }

  function checkForm(sheet: WorksheetSheet, def: FormDefinition, row: number, values: SheetRow) {
    const raw: Record<string, unknown> = {};
    for (const c of sheet.columns)
      if (c.formKey) {
        const v = values[c.key] ?? '';
        raw[c.formKey] = c.kind === 'multi' ? v.split(/[;,\n]/) : v;
      }
    const checked = checkFormValues(def, raw);
    for (const [key, msg] of Object.entries(checked.errors)) problem(sheet.name, row, key, msg.id, msg.en);
    return checked.values;
  }

  function checkChoice(sheet: WorksheetSheet, row: number, values: SheetRow, key: string) {
    const c = sheet.columns.find((x) => x.key === key);
    const v = values[key];
    if (c?.choices && v && !c.choices.some((ch) => ch.code === v))
      problem(
        sheet.name,
        row,
        key,
        `${c.label.id}: kode "${v}" tidak ada di daftar (${c.choices.map((ch) => ch.code).join(', ')})`,
        `${c.label.en}: code "${v}" is not in the list (${c.choices.map((ch) => ch.code).join(', ')})`,
      );
  }

  const plan: Plan = { standards: [], activities: [], datasets: [], variables: [], indicators: [] };

  // Data standards.
  const standardNames = new Set<string>();
  for (const { row, values } of rowsOf(STANDARD_SHEET)) {
    requireColumns(STANDARD_SHEET, row, values);
    checkChoice(STANDARD_SHEET, row, values, 'source_kind');
    const name = values.name ?? '';
    if (name && !/^[a-z0-9_-]{2,100}$/.test(name))
      problem(SHEET.standard, row, 'name', `Nama URL "${name}" tidak sah`, `URL name "${name}" is not valid`);
    if (values.sdsn_code && !SDSN_CODE.test(values.sdsn_code))
      problem(
        SHEET.standard,
        row,
        'sdsn_code',
        'Kode SDSN berbentuk AA99999.99.99',
        'SDSN code must look like AA99999.99.99',
      );
    if (standardNames.has(name))
      problem(SHEET.standard, row, 'name', `Standar ${name} ganda`, `Standard ${name} appears twice`);
    standardNames.add(name);
    const existing = name
      ? await db.selectFrom('data_standard').selectAll().where('name', '=', name).executeTakeFirst()
      : undefined;
    const content = {
      title: values.title ?? '',
      concept: values.concept ?? '',
      definition: values.definition ?? '',
      classification: values.classification ?? '',
      measure: values.measure ?? '',
      unit: values.unit ?? '',
      source_kind: values.source_kind ?? '',
      source_reference: values.source_reference ?? '',
      sdsn_code: values.sdsn_code || null,
    };
    const changed =
      !existing || Object.entries(content).some(([k, v]) => (existing as Record<string, unknown>)[k] !== v);
    if (changed && !can(ctx.actor, 'standard:manage'))
      problem(
        SHEET.standard,
        row,
        null,
        'Anda tidak berwenang membuat atau mengubah standar data; kosongkan baris ini atau minta Walidata',
        'You may not create or change data standards; clear this row or ask the custodian',
      );
    if (changed) plan.standards.push({ row, existingId: existing?.id ?? null, name, content });
  }

  // Statistical activities (MS-Keg).
  const activityRefs = new Set<string>();
  for (const { row, values } of rowsOf(ACTIVITY_SHEET)) {
    requireColumns(ACTIVITY_SHEET, row, values);
    checkChoice(ACTIVITY_SHEET, row, values, 'recommendation_status');
    const ref = values.ref ?? '';
    if (activityRefs.has(ref))
      problem(SHEET.msKeg, row, 'ref', `Ref ${ref} ganda`, `Ref ${ref} appears twice`);
    activityRefs.add(ref);
    const ms = checkForm(ACTIVITY_SHEET, MS_KEG, row, values);
    const msKeg = { ...ms, ...(values.title ? { judul_kegiatan: values.title } : {}) };
    for (const f of missingRequired(MS_KEG, msKeg))
      problem(SHEET.msKeg, row, f.key, `${f.label.id} wajib diisi`, `${f.label.en} is required`);
    if (values.recommendation_date && !/^\d{4}-\d{2}-\d{2}$/.test(values.recommendation_date))
      problem(SHEET.msKeg, row, 'recommendation_date', 'Tanggal harus YYYY-MM-DD', 'Date must be YYYY-MM-DD');
    if (values.recommendation_status === 'recommended' && !values.recommendation_number)
      problem(
        SHEET.msKeg,
        row,
        'recommendation_number',
        'Nomor surat rekomendasi wajib bila direkomendasikan',
        'A recommended activity needs its letter number',
      );
    let existingId: string | null = null;
    let agencyId: string | null = null;
    if (UUID.test(ref)) {
      const a = await db
        .selectFrom('statistical_activity')
        .select(['id', 'agency_id'])
        .where('id', '=', ref)
        .executeTakeFirst();
      if (!a)
        problem(SHEET.msKeg, row, 'ref', `Kegiatan ${ref} tidak ditemukan`, `Activity ${ref} not found`);
      else if (!can(ctx.actor, 'metadata:update', { agencyId: a.agency_id }))
        problem(
          SHEET.msKeg,
          row,
          'ref',
          'Anda tidak berwenang mengubah kegiatan ini',
          'You may not change this activity',
        );
      else {
        existingId = a.id;
        agencyId = a.agency_id;
      }
    }
    plan.activities.push({
      ref,
      existingId,
      agencyId,
      fields: {
        title: values.title ?? '',
        activity_code: values.activity_code || null,
        recommendation_status: values.recommendation_status || 'none',
        recommendation_number: values.recommendation_number || null,
        recommendation_date: values.recommendation_date || null,
      },
      msKeg,
    });
  }

  // Datasets.
  const datasetByName = new Map<string, { id: string; agencyId: string }>();
  for (const { row, values } of rowsOf(DATASET_SHEET)) {
    requireColumns(DATASET_SHEET, row, values);
    checkChoice(DATASET_SHEET, row, values, 'classification');
    const d = values.dataset
      ? await db
          .selectFrom('dataset')
          .select(['id', 'name', 'agency_id', 'private'])
          .where('name', '=', values.dataset)
          .executeTakeFirst()
      : undefined;
    if (!d || !allowedDatasetIds.has(d.id)) {
      if (values.dataset)
        problem(
          SHEET.dataset,
          row,
          'dataset',
          `Dataset ${values.dataset} tidak ditemukan atau bukan milik Anda`,
          `Dataset ${values.dataset} not found or not yours`,
        );
      continue;
    }
    datasetByName.set(d.name, { id: d.id, agencyId: d.agency_id });
    const classification = values.classification as Classification;
    const refusal =
      !d.private && ['restricted', 'closed'].includes(classification) ? publishRefusal(classification) : null;
    if (refusal) problem(SHEET.dataset, row, 'classification', refusal.id, refusal.en);
    const standard = values.data_standard || null;
    if (standard && !standardNames.has(standard)) {
      const s = await db
        .selectFrom('data_standard')
        .select('id')
        .where('name', '=', standard)
        .executeTakeFirst();
      if (!s)
        problem(
          SHEET.dataset,
          row,
          'data_standard',
          `Standar data ${standard} tidak ditemukan`,
          `Data standard ${standard} not found`,
        );
    }
    const activityRef = values.activity || null;
    if (activityRef && !activityRefs.has(activityRef)) {
      const a = UUID.test(activityRef)
        ? await db
            .selectFrom('statistical_activity')
            .select('id')
            .where('id', '=', activityRef)
            .executeTakeFirst()
        : undefined;
      if (!a)
        problem(
          SHEET.dataset,
          row,
          'activity',
          `Kegiatan ${activityRef} tidak ada di lembar MS-Keg`,
          `Activity ${activityRef} is not in sheet MS-Keg`,
        );
    }
    plan.datasets.push({ id: d.id, agencyId: d.agency_id, classification, standard, activityRef });
    // A new activity belongs to the agency of the first dataset that refers to it.
    const a = plan.activities.find((x) => x.ref === activityRef && !x.existingId);
    if (a && !a.agencyId) a.agencyId = d.agency_id;
  }
  for (const a of plan.activities)
    if (!a.existingId && !a.agencyId)
      a.agencyId = ctx.actor.agencyId ?? [...datasetByName.values()][0]?.agencyId ?? null;

  async function datasetOf(sheet: string, row: number, name: string | undefined) {
    if (!name) return undefined;
    const known = datasetByName.get(name);
    if (known) return known;
    const d = await db
      .selectFrom('dataset')
      .select(['id', 'agency_id'])
      .where('name', '=', name)
      .executeTakeFirst();
    if (!d || !allowedDatasetIds.has(d.id)) {
      problem(
        sheet,
        row,
        'dataset',
        `Dataset ${name} tidak ditemukan atau bukan milik Anda`,
        `Dataset ${name} not found or not yours`,
      );
      return undefined;
    }
    const out = { id: d.id, agencyId: d.agency_id };
    datasetByName.set(name, out);
    return out;
  }

  // MS-Var.
  for (const { row, values } of rowsOf(VARIABLE_SHEET)) {
    requireColumns(VARIABLE_SHEET, row, values);
    const d = await datasetOf(SHEET.msVar, row, values.dataset);
    const ms = checkForm(VARIABLE_SHEET, MS_VAR, row, values);
    for (const f of missingRequired(MS_VAR, ms))
      problem(SHEET.msVar, row, f.key, `${f.label.id} wajib diisi`, `${f.label.en} is required`);
    if (!d || !values.resource_id) continue;
    const r = UUID.test(values.resource_id)
      ? await db
          .selectFrom('resource')
          .select(['id', 'table_schema'])
          .where('id', '=', values.resource_id)
          .where('dataset_id', '=', d.id)
          .executeTakeFirst()
      : undefined;
    const schema = r?.table_schema as TableSchema | null | undefined;
    if (!r)
      problem(
        SHEET.msVar,
        row,
        'resource_id',
        'Sumber data tidak ditemukan di dataset ini',
        'Resource not found in this dataset',
      );
    else if (!schema?.fields.some((f) => f.name === values.column))
      problem(
        SHEET.msVar,
        row,
        'column',
        `Kolom ${values.column} tidak ada di skema tabel`,
        `Column ${values.column} is not in the table schema`,
      );
    else plan.variables.push({ resourceId: r.id, column: values.column ?? '', values: ms, datasetId: d.id });
  }

  // MS-Ind.
  for (const { row, values } of rowsOf(INDICATOR_SHEET)) {
    requireColumns(INDICATOR_SHEET, row, values);
    const d = await datasetOf(SHEET.msInd, row, values.dataset);
    const ms = {
      ...checkForm(INDICATOR_SHEET, MS_IND, row, values),
      ...(values.name ? { nama_indikator: values.name } : {}),
    };
    for (const f of missingRequired(MS_IND, ms))
      problem(SHEET.msInd, row, f.key, `${f.label.id} wajib diisi`, `${f.label.en} is required`);
    if (!d) continue;
    if (values.id) {
      const i = UUID.test(values.id)
        ? await db
            .selectFrom('indicator_metadata')
            .select('id')
            .where('id', '=', values.id)
            .where('dataset_id', '=', d.id)
            .executeTakeFirst()
        : undefined;
      if (!i)
        problem(
          SHEET.msInd,
          row,
          'id',
          'Indikator tidak ditemukan di dataset ini',
          'Indicator not found in this dataset',
        );
    }
    plan.indicators.push({ datasetId: d.id, id: values.id || null, name: values.name ?? '', values: ms });
  }

  if (problems.length) throw new WorksheetRefusedError(problems);
  return plan;
}

/** Write a checked plan in the caller's transaction, with one audit row per dataset touched. */
export async function applyWorksheet(ctx: ActionContext, trx: Transaction<DB>, audit: Audit, plan: Plan) {
  const actorId = ctx.actor.userId;
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
  const touched = new Set<string>();
  for (const d of plan.datasets) {
    const standardId = d.standard
      ? (standardIds.get(d.standard) ??
        (
          await trx
            .selectFrom('data_standard')
            .select('id')
            .where('name', '=', d.standard)
            .executeTakeFirstOrThrow()
        ).id)
      : null;
    const activityId = d.activityRef ? (activityIds.get(d.activityRef) ?? d.activityRef) : null;
    await trx
      .updateTable('dataset')
      .set({
        classification: d.classification,
        data_standard_id: standardId,
        statistical_activity_id: activityId,
      })
      .where('id', '=', d.id)
      .execute();
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
  // Datasets that use a changed standard or activity carry it in their read model too.
  const anyChange = standardIds.size || activityIds.size || touched.size;
  const affected = !anyChange
    ? []
    : await trx
        .selectFrom('dataset')
        .select('id')
        .where((eb) =>
          eb.or([
            ...(standardIds.size ? [eb('data_standard_id', 'in', [...standardIds.values()])] : []),
            ...(activityIds.size ? [eb('statistical_activity_id', 'in', [...activityIds.values()])] : []),
            ...(touched.size ? [eb('id', 'in', [...touched])] : []),
          ]),
        )
        .execute();
  const all = [...new Set([...touched, ...affected.map((r) => r.id)])];
  if (all.length) await refreshMetadataSummary(trx, all);
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
