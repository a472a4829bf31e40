import { type Bilingual, ValidationError } from '../../kernel/errors.js';
import type { FormDefinition } from './domain/form.js';
import { checkFormValues, type FormValues } from './domain/form-values.js';
import type { SheetRow } from './worksheet.js';
import type { WorksheetSheet } from './worksheet-layout.js';

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

/** Collects the problems of one upload; the row checks every sheet shares. */
export class WorksheetProblems {
  readonly list: WorksheetProblem[] = [];

  add(sheet: string, row: number | null, column: string | null, id: string, en: string): void {
    this.list.push({ sheet, row, column, message: id, message_en: en });
  }

  /** Every required column of the sheet is filled in. */
  requireColumns(sheet: WorksheetSheet, row: number, values: SheetRow): void {
    for (const c of sheet.columns)
      if (c.required && !values[c.key])
        this.add(sheet.name, row, c.key, `${c.label.id} wajib diisi`, `${c.label.en} is required`);
  }

  /** The row's form columns checked against the form's catalogue; returns the typed answers. */
  checkForm(sheet: WorksheetSheet, def: FormDefinition, row: number, values: SheetRow): FormValues {
    const raw: Record<string, unknown> = {};
    for (const c of sheet.columns)
      if (c.formKey) {
        const v = values[c.key] ?? '';
        raw[c.formKey] = c.kind === 'multi' ? v.split(/[;,\n]/) : v;
      }
    const checked = checkFormValues(def, raw);
    for (const [key, msg] of Object.entries(checked.errors)) this.add(sheet.name, row, key, msg.id, msg.en);
    return checked.values;
  }

  /** A coded column holds one of its listed codes. */
  checkChoice(sheet: WorksheetSheet, row: number, values: SheetRow, key: string): void {
    const c = sheet.columns.find((x) => x.key === key);
    const v = values[key];
    if (c?.choices && v && !c.choices.some((ch) => ch.code === v))
      this.add(
        sheet.name,
        row,
        key,
        `${c.label.id}: kode "${v}" tidak ada di daftar (${c.choices.map((ch) => ch.code).join(', ')})`,
        `${c.label.en}: code "${v}" is not in the list (${c.choices.map((ch) => ch.code).join(', ')})`,
      );
  }

  /** Every required field of the form is answered. */
  requireAnswers(sheet: string, row: number, missing: readonly { key: string; label: Bilingual }[]): void {
    for (const f of missing)
      this.add(sheet, row, f.key, `${f.label.id} wajib diisi`, `${f.label.en} is required`);
  }
}
