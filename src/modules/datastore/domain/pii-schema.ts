import type { TableSchema } from '../../../kernel/table-schema/table-schema.js';
import { detectPersonalIdentifiers, type PiiFlag } from './pii.js';
import type { TableRow } from './table-reading/table-reading.js';

/**
 * Close the columns of a freshly inferred schema that hold personal identifiers (NIK, KK,
 * phone numbers, e-mail): they get `x-classification: closed` and `x-pii` naming what was
 * found, so no public read (datastore, downloads, preview, metadata) ever shows them. The
 * producer may reopen a column in the schema editor once it is masked; nothing is guessed open.
 */
export function closePersonalIdentifiers(
  schema: TableSchema,
  sample: readonly TableRow[],
): { schema: TableSchema; flags: PiiFlag[] } {
  const flags = detectPersonalIdentifiers(
    schema.fields.map((f) => f.name),
    sample.map((r) => r.cells),
  );
  if (flags.length === 0) return { schema, flags };
  const byField = new Map(flags.map((f) => [f.field, f]));
  return {
    flags,
    schema: {
      ...schema,
      fields: schema.fields.map((f) => {
        const flag = byField.get(f.name);
        return flag ? { ...f, 'x-classification': 'closed', 'x-pii': flag.kinds } : f;
      }),
    },
  };
}
