import { CsrfField } from '../../../kernel/http/layout.js';
import type { PageContext } from '../../../kernel/http/page-context.js';
import type { Locale } from '../../../kernel/i18n/i18n.js';
import { FIELD_TYPES, type TableSchema } from '../../../kernel/table-schema/table-schema.js';
import { fieldTypeLabel, type ProposalReport } from '../../datastore/index.js';
import { proposalText } from './schema-proposal.messages.js';

type Exception = ProposalReport['exceptions'][number];

function ExceptionNote({ locale, exception }: { locale: Locale; exception: Exception }) {
  const share = Math.floor(((exception.filled - exception.count) / exception.filled) * 100);
  const rest = exception.count - exception.examples.length;
  return (
    <div>
      <p safe>
        {proposalText(locale, 'proposal.exceptions', {
          share,
          count: exception.count.toLocaleString(locale),
        })}
      </p>
      <ul>
        {exception.examples.map((e) => (
          <li safe>{proposalText(locale, 'proposal.exceptionRow', { row: e.row, value: e.value })}</li>
        ))}
        {rest > 0 ? <li safe>{proposalText(locale, 'proposal.more', { count: rest })}</li> : ''}
      </ul>
    </div>
  );
}

/**
 * A first upload held for its producer: the proposed column types (changeable), the rows that
 * do not fit a mostly-numeric column, and the button that confirms the schema and loads.
 */
export function SchemaProposalView({
  ctx,
  resourceId,
  version,
  schema,
  proposal,
}: {
  ctx: PageContext;
  resourceId: string;
  version: number;
  schema: TableSchema;
  proposal: ProposalReport;
}) {
  const l = ctx.locale;
  const t = (k: Parameters<typeof proposalText>[1], p: Record<string, string | number> = {}) =>
    proposalText(l, k, p);
  const exceptions = new Map(proposal.exceptions.map((e) => [e.field, e]));
  return (
    <form
      method="post"
      action={`/workspace/resources/${resourceId}/confirm-schema`}
      class="schema-proposal"
      id={`proposal-${resourceId}`}
    >
      <CsrfField ctx={ctx} />
      <h3 safe>{t('proposal.title', { version })}</h3>
      <p safe>{t('proposal.lead', { rows: proposal.row_count.toLocaleString(l) })}</p>
      <div class="table-scroll">
        <table>
          <thead>
            <tr>
              <th safe scope="col">
                {t('proposal.column')}
              </th>
              <th safe scope="col">
                {t('proposal.type')}
              </th>
              <th safe scope="col">
                {t('proposal.notes')}
              </th>
            </tr>
          </thead>
          <tbody>
            {schema.fields.map((f) => {
              const exception = exceptions.get(f.name);
              return (
                <tr data-field={f.name} class={exception ? 'has-exceptions' : undefined}>
                  <th safe scope="row">
                    {f.title ?? f.name}
                  </th>
                  <td>
                    <select
                      name={`types[${f.name}]`}
                      aria-label={t('proposal.typeOf', { column: f.title ?? f.name })}
                    >
                      {FIELD_TYPES.map((type) => (
                        <option safe value={type} selected={type === f.type}>
                          {fieldTypeLabel(l, type)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>{exception ? <ExceptionNote locale={l} exception={exception} /> : ''}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p safe class="hint">
        {t('proposal.hint')}
      </p>
      <button safe type="submit">
        {t('proposal.confirm')}
      </button>
    </form>
  );
}
