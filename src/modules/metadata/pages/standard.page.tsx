import { CsrfField, FormErrors, Layout } from '../../../kernel/http/layout.js';
import type { PageContext } from '../../../kernel/http/page-context.js';
import { formatDateTime } from '../../../kernel/i18n/i18n.js';
import { STANDARD_SOURCE_KINDS, type StandardSourceKind } from '../domain/data-standard.js';
import { type MetadataMessageKey, mt } from './metadata.messages.js';
import type { StandardVersionView, StandardView } from './metadata.views.js';
import { StandardColumns } from './standard-columns.js';

/** A standard's form values as a browser posts them. */
export type StandardFormValues = Record<
  | 'name'
  | 'title'
  | 'concept'
  | 'definition'
  | 'classification'
  | 'measure'
  | 'unit'
  | 'source_kind'
  | 'source_reference'
  | 'sdsn_code',
  string
>;

export function standardValues(s: StandardView | null): StandardFormValues {
  return {
    name: s?.name ?? '',
    title: s?.title ?? '',
    concept: s?.concept ?? '',
    definition: s?.definition ?? '',
    classification: s?.classification ?? '',
    measure: s?.measure ?? '',
    unit: s?.unit ?? '',
    source_kind: s?.source_kind ?? 'regional',
    source_reference: s?.source_reference ?? '',
    sdsn_code: s?.sdsn_code ?? '',
  };
}

/** The region's data standards. */
export function StandardsPage({ ctx, standards }: { ctx: PageContext; standards: StandardView[] }) {
  const m = (k: MetadataMessageKey) => mt(ctx.locale, k);
  return (
    <Layout ctx={ctx} title={m('std.title')}>
      <h1 safe>{m('std.title')}</h1>
      <p safe>{m('std.lead')}</p>
      {ctx.can('standard:manage') ? (
        <p>
          <a safe class="button" href="/workspace/standards/new">
            {m('std.new')}
          </a>
        </p>
      ) : (
        ''
      )}
      {standards.length === 0 ? (
        <p safe>{m('std.empty')}</p>
      ) : (
        <div class="table-wrap" tabindex="0">
          <table>
            <thead>
              <tr>
                <th safe scope="col">
                  {m('std.fTitle')}
                </th>
                <th safe scope="col">
                  {m('std.sdsn')}
                </th>
                <th safe scope="col">
                  {m('std.sourceKind')}
                </th>
                <th safe scope="col">
                  {m('std.version')}
                </th>
              </tr>
            </thead>
            <tbody>
              {standards.map((s) => (
                <tr>
                  <td>
                    <a href={`/workspace/standards/${s.name}`} safe>
                      {s.title}
                    </a>
                  </td>
                  <td safe>{s.sdsn_code ?? '—'}</td>
                  <td safe>
                    {STANDARD_SOURCE_KINDS[s.source_kind as StandardSourceKind]?.[ctx.locale] ??
                      s.source_kind}
                  </td>
                  <td safe>{String(s.version)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}

function Text({
  id,
  label,
  value,
  area,
  help,
}: {
  id: string;
  label: string;
  value: string;
  area?: boolean;
  help?: string;
}) {
  return (
    <div class="stack">
      <label for={id} safe>
        {label}
      </label>
      {area ? (
        <textarea id={id} name={id} rows="3" safe>
          {value}
        </textarea>
      ) : (
        <input id={id} name={id} value={value} aria-describedby={help ? `${id}-help` : undefined} />
      )}
      {help ? (
        <small id={`${id}-help`} safe>
          {help}
        </small>
      ) : (
        ''
      )}
    </div>
  );
}

/** Create or edit a data standard; editing shows the version history. */
export function StandardFormPage({
  ctx,
  values,
  standard,
  versions,
  errors,
}: {
  ctx: PageContext;
  values: StandardFormValues;
  standard: StandardView | null;
  versions: StandardVersionView[];
  errors?: Record<string, string[]> | undefined;
}) {
  const m = (k: MetadataMessageKey) => mt(ctx.locale, k);
  const title = standard ? m('std.edit') : m('std.new');
  const action = standard ? `/workspace/standards/${standard.name}` : '/workspace/standards/new';
  return (
    <Layout ctx={ctx} title={title}>
      <h1 safe>
        {standard ? `${title}: ${standard.title} (${m('std.version')} ${standard.version})` : title}
      </h1>
      <FormErrors ctx={ctx} errors={errors} />
      <form method="post" action={action} class="stack form-grid">
        <CsrfField ctx={ctx} />
        {standard ? '' : <Text id="name" label={m('std.name')} value={values.name} />}
        <Text id="title" label={m('std.fTitle')} value={values.title} />
        <Text id="concept" label={m('std.concept')} value={values.concept} area />
        <Text id="definition" label={m('std.definition')} value={values.definition} area />
        <Text id="classification" label={m('std.classification')} value={values.classification} area />
        <Text id="measure" label={m('std.measure')} value={values.measure} />
        <Text id="unit" label={m('std.unit')} value={values.unit} />
        <div class="stack">
          <label safe for="source_kind">
            {m('std.sourceKind')}
          </label>
          <select id="source_kind" name="source_kind">
            {Object.entries(STANDARD_SOURCE_KINDS).map(([k, v]) => (
              <option value={k} selected={k === values.source_kind} safe>
                {v[ctx.locale]}
              </option>
            ))}
          </select>
        </div>
        <Text id="source_reference" label={m('std.sourceReference')} value={values.source_reference} />
        <Text id="sdsn_code" label={m('std.sdsn')} value={values.sdsn_code} help={m('std.sdsnHelp')} />
        <button safe type="submit">
          {mt(ctx.locale, 'meta.save')}
        </button>
      </form>
      {standard ? <StandardColumns ctx={ctx} schema={standard.table_schema} /> : ''}
      {versions.length ? (
        <section>
          <h2 safe>{m('std.versions')}</h2>
          <ul>
            {versions.map((v) => (
              <li
                safe
              >{`${m('std.version')} ${v.version} · ${formatDateTime(ctx.locale, v.created_at, ctx.timeZone)}`}</li>
            ))}
          </ul>
        </section>
      ) : (
        ''
      )}
    </Layout>
  );
}
