import type { PageContext } from '../../../kernel/http/page-context.js';
import type { TableSchema } from '../../../kernel/table-schema/table-schema.js';
import { fieldTypeLabel, referenceLabel } from '../../datastore/index.js';
import { type MetadataMessageKey, mt } from './metadata.messages.js';

/** The reference code list of each column, by column name. */
function referencesOf(schema: TableSchema): Map<string, string> {
  const refs = new Map<string, string>();
  for (const fk of schema.foreignKeys ?? []) {
    const fields = Array.isArray(fk.fields) ? fk.fields : [fk.fields];
    for (const f of fields) refs.set(f, fk.reference.resource);
  }
  return refs;
}

/**
 * The columns a standard sets for the tables that fulfil it (issue #17): a resource of a dataset
 * following the standard takes them as its declared schema before its first upload.
 */
export function StandardColumns({ ctx, schema }: { ctx: PageContext; schema: TableSchema | null }) {
  const m = (k: MetadataMessageKey) => mt(ctx.locale, k);
  if (!schema)
    return (
      <section>
        <h2 safe>{m('std.columns')}</h2>
        <p safe>{m('std.columnsNone')}</p>
      </section>
    );
  const refs = referencesOf(schema);
  return (
    <section>
      <h2 safe>{m('std.columns')}</h2>
      <p safe>{m('std.columnsLead')}</p>
      <div class="table-wrap" tabindex="0">
        <table>
          <thead>
            <tr>
              <th safe scope="col">
                {m('std.colName')}
              </th>
              <th safe scope="col">
                {m('std.colTitle')}
              </th>
              <th safe scope="col">
                {m('std.colType')}
              </th>
              <th safe scope="col">
                {m('std.unit')}
              </th>
              <th safe scope="col">
                {m('std.colCodes')}
              </th>
            </tr>
          </thead>
          <tbody>
            {schema.fields.map((f) => {
              const ref = refs.get(f.name);
              const codes = ref ? referenceLabel(ctx.locale, ref) : '—';
              const title = (ctx.locale === 'en' ? f['title:en'] : undefined) ?? f.title ?? '';
              return (
                <tr>
                  <td>
                    <code safe>{f.name}</code>
                  </td>
                  <td safe>{title || '—'}</td>
                  <td safe>{fieldTypeLabel(ctx.locale, f.type)}</td>
                  <td safe>{f.unit || '—'}</td>
                  <td safe>{codes}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
