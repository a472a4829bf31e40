import type { TableField, TableSchema } from '../../../kernel/table-schema/table-schema.js';
import type { FormValues } from './form-values.js';

/** What MS-Var repeats from the statistical activity. */
export interface ActivityIdentity {
  title: string;
  activity_code: string | null;
  organiser: string;
}

const BPS_TYPE: Record<TableField['type'], string> = {
  string: 'karakter',
  integer: 'numerik',
  number: 'numerik',
  boolean: 'boolean',
  date: 'tanggal',
  year: 'tanggal',
  yearmonth: 'tanggal',
};

/** The Table Schema's valid values of a field: its enum, or the code list its foreign key names. */
export function validValues(schema: TableSchema | null, field: TableField): string {
  const fk = schema?.foreignKeys?.find((k) => [k.fields].flat().includes(field.name));
  if (fk) return `${fk.reference.resource}`;
  return field.constraints?.enum?.map(String).join('; ') ?? '';
}

/** The Table Schema constraints written as BPS's "Aturan Validasi". */
export function validationRule(field: TableField): string {
  const c = field.constraints ?? {};
  const parts: string[] = [];
  if (c.required) parts.push('wajib diisi');
  if (c.unique) parts.push('unik');
  if (c.minimum !== undefined) parts.push(`≥ ${c.minimum}`);
  if (c.maximum !== undefined) parts.push(`≤ ${c.maximum}`);
  if (c.minLength !== undefined) parts.push(`panjang ≥ ${c.minLength}`);
  if (c.maxLength !== undefined) parts.push(`panjang ≤ ${c.maxLength}`);
  if (c.pattern) parts.push(`pola ${c.pattern}`);
  return parts.join('; ');
}

/**
 * A column's complete MS-Var answers: the typed ones merged with what the Table Schema field
 * and the activity say (one source of truth; the field wins for what it defines). A column
 * classified restricted or closed is never "publicly accessible", whatever was typed.
 */
export function variableValues(
  schema: TableSchema | null,
  field: TableField,
  stored: FormValues,
  activity: ActivityIdentity | null,
): FormValues {
  const out: FormValues = { ...stored };
  const set = (key: string, v: string | undefined) => {
    if (v) out[key] = v;
    else delete out[key];
  };
  set(
    'identitas_kegiatan',
    activity ? [activity.title, activity.activity_code].filter(Boolean).join(' – ') : undefined,
  );
  set('penyelenggara', activity?.organiser);
  set('tipe_data', BPS_TYPE[field.type]);
  set('nama_variabel', field.title || field.name);
  set('klasifikasi_isian', validValues(schema, field));
  set('alias', field.name);
  set('aturan_validasi', validationRule(field));
  set('definisi', field.description);
  set('satuan', field.unit);
  const cls = field['x-classification'];
  if (cls && cls !== 'open') out.aksesibilitas_publik = 'tidak';
  return out;
}
