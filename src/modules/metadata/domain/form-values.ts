import type { FormValues } from '../../../kernel/db/schema/metadata.js';
import type { Bilingual, FormBlock, FormDefinition, FormField } from './form.js';

/** Answers of one form: a string per field, or a list for `list` and `multi` fields. */
export type { FormValues };

export interface FormCheck {
  values: FormValues;
  /** Field key → what is wrong (bilingual); empty when the answers are well-formed. */
  errors: Record<string, Bilingual>;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function lines(raw: unknown): string[] {
  const items = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(/\r?\n/) : [];
  return items.map((v) => String(v).trim()).filter((v) => v !== '');
}

function codes(raw: unknown): string[] {
  const items = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(/[,;\n]/) : [];
  return [...new Set(items.map((v) => String(v).trim()).filter((v) => v !== ''))];
}

function isRealDate(v: string): boolean {
  return (
    DATE.test(v) &&
    !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) &&
    new Date(`${v}T00:00:00Z`).toISOString().startsWith(v)
  );
}

/** Check one scalar answer against its kind; a message when it does not fit. */
function scalarProblem(field: FormField, v: string): Bilingual | null {
  const name = `${field.label.id} / ${field.label.en}`;
  switch (field.kind) {
    case 'date':
      return isRealDate(v)
        ? null
        : {
            id: `${field.label.id}: tanggal harus YYYY-MM-DD`,
            en: `${field.label.en}: date must be YYYY-MM-DD`,
          };
    case 'year':
      return /^(19|20|21)\d{2}$/.test(v)
        ? null
        : { id: `${field.label.id}: tahun empat angka`, en: `${field.label.en}: a four-digit year` };
    case 'number':
      return /^-?\d+([.,]\d+)?$/.test(v)
        ? null
        : { id: `${field.label.id}: harus angka`, en: `${field.label.en}: must be a number` };
    case 'email':
      return EMAIL.test(v)
        ? null
        : { id: `${field.label.id}: alamat surel tidak sah`, en: `${field.label.en}: not an email address` };
    case 'choice':
      return field.choices?.some((c) => c.code === v)
        ? null
        : { id: `${name}: pilihan "${v}" tidak dikenal`, en: `${field.label.en}: unknown choice "${v}"` };
    default:
      return v.length > 10_000
        ? { id: `${field.label.id}: terlalu panjang`, en: `${field.label.en}: too long` }
        : null;
  }
}

/**
 * Normalise and check the typed answers of a form (only `stored` fields; others are read
 * elsewhere). Unknown keys are ignored. Missing required answers are not errors here: forms
 * are filled over weeks; `missingRequired` reports them for completeness.
 */
export function checkFormValues(def: FormDefinition, raw: Record<string, unknown>): FormCheck {
  const values: FormValues = {};
  const errors: Record<string, Bilingual> = {};
  for (const field of def.fields) {
    if (field.source !== 'stored') continue;
    const input = raw[field.key];
    if (field.kind === 'list') {
      const list = lines(input);
      if (list.length) values[field.key] = list;
    } else if (field.kind === 'multi') {
      const list = codes(input);
      const bad = list.filter((c) => !field.choices?.some((ch) => ch.code === c));
      if (bad.length)
        errors[field.key] = {
          id: `${field.label.id}: pilihan tidak dikenal ${bad.join(', ')}`,
          en: `${field.label.en}: unknown choices ${bad.join(', ')}`,
        };
      else if (list.length) values[field.key] = list;
    } else {
      const v = (Array.isArray(input) ? input.join('\n') : input == null ? '' : String(input)).trim();
      if (v === '') continue;
      const problem = scalarProblem(field, v);
      if (problem) errors[field.key] = problem;
      else values[field.key] = v;
    }
  }
  return { values, errors };
}

/** Required stored fields that have no answer. */
export function missingRequired(def: FormDefinition, values: FormValues): FormField[] {
  return def.fields.filter((f) => f.source === 'stored' && f.required && !hasAnswer(values[f.key]));
}

export function hasAnswer(v: string | string[] | undefined): boolean {
  return Array.isArray(v) ? v.length > 0 : v !== undefined && v !== '';
}

export interface BlockCompleteness {
  block: FormBlock;
  /** Required stored fields of the block without an answer. */
  missing: FormField[];
  complete: boolean;
}

/** Per block of the form: which required answers are missing (for the conformity score). */
export function formCompleteness(def: FormDefinition, values: FormValues): BlockCompleteness[] {
  const missing = missingRequired(def, values);
  return def.blocks.map((block) => {
    const m = missing.filter((f) => f.block === block.key);
    return { block, missing: m, complete: m.length === 0 };
  });
}

/** The answer as display text: choice labels in the language, lists joined with "; ". */
export function displayValue(field: FormField, v: string | string[] | undefined, lang: 'id' | 'en'): string {
  if (v === undefined) return '';
  const label = (code: string) => field.choices?.find((c) => c.code === code)?.[lang] ?? code;
  if (Array.isArray(v)) return (field.choices ? v.map(label) : v).join('; ');
  return field.choices ? label(v) : v;
}
