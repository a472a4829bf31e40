import { can } from '../../kernel/access/policy.js';
import { SDSN_CODE } from './domain/data-standard.js';
import { missingRequired } from './domain/form-values.js';
import { MS_KEG } from './domain/index.js';
import type { SheetRow } from './worksheet.js';
import { findActivityOwner, findDataStandardByName } from './worksheet.repository.js';
import { ACTIVITY_SHEET, SHEET, STANDARD_SHEET } from './worksheet-layout.js';
import { type Planning, UUID } from './worksheet-plan.js';

/** The standard's content as the sheet gives it. */
function standardContent(values: SheetRow) {
  return {
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
}

/** The checks of one standard row that need no database. */
function checkStandardRow(p: Planning, row: number, values: SheetRow): string {
  p.problems.requireColumns(STANDARD_SHEET, row, values);
  p.problems.checkChoice(STANDARD_SHEET, row, values, 'source_kind');
  const name = values.name ?? '';
  if (name && !/^[a-z0-9_-]{2,100}$/.test(name))
    p.problems.add(
      SHEET.standard,
      row,
      'name',
      `Nama URL "${name}" tidak sah`,
      `URL name "${name}" is not valid`,
    );
  if (values.sdsn_code && !SDSN_CODE.test(values.sdsn_code))
    p.problems.add(
      SHEET.standard,
      row,
      'sdsn_code',
      'Kode SDSN berbentuk AA99999.99.99',
      'SDSN code must look like AA99999.99.99',
    );
  if (p.standardNames.has(name))
    p.problems.add(SHEET.standard, row, 'name', `Standar ${name} ganda`, `Standard ${name} appears twice`);
  p.standardNames.add(name);
  return name;
}

/** Data standards: new or changed ones are planned; only `standard:manage` may change them. */
export async function planStandards(p: Planning): Promise<void> {
  for (const { row, values } of p.data[STANDARD_SHEET.name] ?? []) {
    const name = checkStandardRow(p, row, values);
    const existing = name ? await findDataStandardByName(p.db, name) : undefined;
    const content = standardContent(values);
    const changed =
      !existing || Object.entries(content).some(([k, v]) => (existing as Record<string, unknown>)[k] !== v);
    if (changed && !can(p.actor, 'standard:manage'))
      p.problems.add(
        SHEET.standard,
        row,
        null,
        'Anda tidak berwenang membuat atau mengubah standar data; kosongkan baris ini atau minta Walidata',
        'You may not create or change data standards; clear this row or ask the custodian',
      );
    if (changed) p.plan.standards.push({ row, existingId: existing?.id ?? null, name, content });
  }
}

/** The checks of one MS-Keg row that need no database; returns its MS-Keg answers. */
function checkActivityRow(p: Planning, row: number, values: SheetRow) {
  p.problems.requireColumns(ACTIVITY_SHEET, row, values);
  p.problems.checkChoice(ACTIVITY_SHEET, row, values, 'recommendation_status');
  const ref = values.ref ?? '';
  if (p.activityRefs.has(ref))
    p.problems.add(SHEET.msKeg, row, 'ref', `Ref ${ref} ganda`, `Ref ${ref} appears twice`);
  p.activityRefs.add(ref);
  const ms = p.problems.checkForm(ACTIVITY_SHEET, MS_KEG, row, values);
  const msKeg = { ...ms, ...(values.title ? { judul_kegiatan: values.title } : {}) };
  p.problems.requireAnswers(SHEET.msKeg, row, missingRequired(MS_KEG, msKeg));
  if (values.recommendation_date && !/^\d{4}-\d{2}-\d{2}$/.test(values.recommendation_date))
    p.problems.add(
      SHEET.msKeg,
      row,
      'recommendation_date',
      'Tanggal harus YYYY-MM-DD',
      'Date must be YYYY-MM-DD',
    );
  if (values.recommendation_status === 'recommended' && !values.recommendation_number)
    p.problems.add(
      SHEET.msKeg,
      row,
      'recommendation_number',
      'Nomor surat rekomendasi wajib bila direkomendasikan',
      'A recommended activity needs its letter number',
    );
  return { ref, msKeg };
}

/** An existing activity the row refers to by id, if the actor may change it. */
async function existingActivity(p: Planning, row: number, ref: string) {
  if (!UUID.test(ref)) return null;
  const a = await findActivityOwner(p.db, ref);
  if (!a)
    p.problems.add(SHEET.msKeg, row, 'ref', `Kegiatan ${ref} tidak ditemukan`, `Activity ${ref} not found`);
  else if (!can(p.actor, 'metadata:update', { agencyId: a.agency_id }))
    p.problems.add(
      SHEET.msKeg,
      row,
      'ref',
      'Anda tidak berwenang mengubah kegiatan ini',
      'You may not change this activity',
    );
  else return a;
  return null;
}

/** Statistical activities (MS-Keg): a ref that is an id changes that activity, any other makes one. */
export async function planActivities(p: Planning): Promise<void> {
  for (const { row, values } of p.data[ACTIVITY_SHEET.name] ?? []) {
    const { ref, msKeg } = checkActivityRow(p, row, values);
    const a = await existingActivity(p, row, ref);
    p.plan.activities.push({
      ref,
      existingId: a?.id ?? null,
      agencyId: a?.agency_id ?? null,
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
}
