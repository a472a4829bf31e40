/**
 * The shape of a BPS metadata form (MS-Keg, MS-Var, MS-Ind; Peraturan BPS 5/2020) as data:
 * blocks and fields in BPS's order, with BPS's Indonesian wording, an English label, help
 * text, whether the field is required, and its controlled vocabulary. Forms, validation, the
 * XLSX exports and the JSON output all read these catalogues; nothing repeats the field list.
 */

/** Text in both languages; `id` is BPS's wording. */
export interface Bilingual {
  id: string;
  en: string;
}

/** One term of a controlled vocabulary: a stable code and its labels. */
export interface Choice extends Bilingual {
  code: string;
}

/**
 * How a field is answered: free `text`/`textarea`, a `date` (YYYY-MM-DD), a `year`, a
 * `number`, an `email`, one `choice`, several choices (`multi`), or a `list` of free lines.
 */
export type FieldKind =
  | 'text'
  | 'textarea'
  | 'date'
  | 'year'
  | 'number'
  | 'email'
  | 'choice'
  | 'multi'
  | 'list';

/**
 * Where the value comes from: typed into the form (`stored`), read from the resource's Table
 * Schema field, or from the statistical activity (MS-Var repeats the activity's identity).
 */
export type FieldSource = 'stored' | 'table_schema' | 'activity';

export interface FormBlock {
  key: string;
  /** BPS's block number (`I`, `II` …); empty for the identity block. */
  no: string;
  label: Bilingual;
}

export interface FormField {
  /** Stable snake_case key: the JSON key, the form input name and the XLSX row key. */
  key: string;
  block: string;
  /** BPS's question number (`4.2`), empty where the form has none. */
  no: string;
  label: Bilingual;
  help: Bilingual;
  required: boolean;
  kind: FieldKind;
  choices?: readonly Choice[];
  source: FieldSource;
  /** Not on BPS's form: asked by Satu Data (exported after BPS's fields). */
  extension?: boolean;
}

export interface FormDefinition {
  key: 'ms_keg' | 'ms_var' | 'ms_ind';
  /** BPS's form name. */
  title: Bilingual;
  blocks: readonly FormBlock[];
  fields: readonly FormField[];
}

/** Shorthand for a choice list: `[code, id, en]` triples. */
export function choices(...items: [string, string, string][]): Choice[] {
  return items.map(([code, id, en]) => ({ code, id, en }));
}

export const YES_NO = choices(['ya', 'Ya', 'Yes'], ['tidak', 'Tidak', 'No']);

/** The label of a choice code in a language; the code itself when unknown. */
export function choiceLabel(field: FormField, code: string, lang: 'id' | 'en'): string {
  return field.choices?.find((c) => c.code === code)?.[lang] ?? code;
}

/** The fields a person types (not read from the Table Schema or the activity). */
export function storedFields(def: FormDefinition): FormField[] {
  return def.fields.filter((f) => f.source === 'stored');
}
