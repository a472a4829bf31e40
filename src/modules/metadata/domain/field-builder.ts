import type { Bilingual, Choice, FieldKind, FieldSource, FormField } from './form.js';

interface FieldOptions {
  required?: boolean;
  choices?: readonly Choice[];
  help?: [string, string];
  source?: FieldSource;
  extension?: boolean;
}

const NO_HELP: Bilingual = { id: '', en: '' };

/** One catalogue entry, written on one line in the form files. */
export function field(
  block: string,
  no: string,
  key: string,
  label: [string, string],
  kind: FieldKind,
  opts: FieldOptions = {},
): FormField {
  return {
    key,
    block,
    no,
    label: { id: label[0], en: label[1] },
    help: opts.help ? { id: opts.help[0], en: opts.help[1] } : NO_HELP,
    required: opts.required ?? false,
    kind,
    ...(opts.choices ? { choices: opts.choices } : {}),
    source: opts.source ?? 'stored',
    ...(opts.extension ? { extension: true } : {}),
  };
}
