import { CsrfField, FormErrors, Layout } from '../../../kernel/http/layout.js';
import type { PageContext } from '../../../kernel/http/page-context.js';
import { FIELD_TYPES } from '../../../kernel/table-schema/table-schema.js';
import { REGION_REFERENCES } from '../domain/table-schema/table-schema-input.js';
import { type TableSchemaMessage, tst } from './table-schema.messages.js';
import type { SchemaFormRow, SchemaFormValues } from './table-schema-form.js';

export interface TableSchemaView {
  datasetName: string;
  datasetTitle: string;
  resourceId: string;
  resourceName: string;
  hasSchema: boolean;
  values: SchemaFormValues;
  codeLists: { name: string; title: string }[];
  errors?: Record<string, string[]> | undefined;
}

function TextCell({ id, label, name, value }: { id: string; label: string; name: string; value: string }) {
  return (
    <td>
      <input id={id} name={name} value={value} aria-label={label} />
    </td>
  );
}

function FieldRow({
  ctx,
  row,
  index,
  view,
}: {
  ctx: PageContext;
  row: SchemaFormRow;
  index: number;
  view: TableSchemaView;
}) {
  const m = (k: TableSchemaMessage, params?: Record<string, string>) => tst(ctx.locale, k, params);
  const p = (name: string) => `field-${index}-${name}`;
  const what = row.name || m('newField');
  const label = (k: TableSchemaMessage) => `${m(k)}: ${what}`;
  const references = [
    ...REGION_REFERENCES.map((r) => ({ value: r, label: m(`ref.${r}` as TableSchemaMessage) })),
    ...view.codeLists.map((l) => ({
      value: `codelist:${l.name}`,
      label: m('ref.codelist', { title: l.title }),
    })),
  ];
  if (row.reference && !references.some((r) => r.value === row.reference))
    references.push({ value: row.reference, label: row.reference });
  return (
    <tr>
      <td>
        <input type="hidden" name={p('original')} value={row.original} />
        <input
          id={p('name')}
          name={p('name')}
          value={row.name}
          pattern="[a-z][a-z0-9_]{0,62}"
          aria-label={row.original ? label('name') : m('newField')}
        />
      </td>
      <TextCell id={p('title')} name={p('title')} value={row.title} label={label('fieldTitle')} />
      <TextCell id={p('title_en')} name={p('title_en')} value={row.titleEn} label={label('titleEn')} />
      <td>
        <select id={p('type')} name={p('type')} aria-label={label('type')}>
          {FIELD_TYPES.map((type) => (
            <option safe value={type} selected={row.type === type}>
              {m(`type.${type}` as TableSchemaMessage)}
            </option>
          ))}
        </select>
      </td>
      <TextCell id={p('unit')} name={p('unit')} value={row.unit} label={label('unit')} />
      <TextCell
        id={p('description')}
        name={p('description')}
        value={row.description}
        label={label('description')}
      />
      <td>
        <input
          type="checkbox"
          name={p('required')}
          value="true"
          checked={row.required}
          aria-label={label('required')}
        />
      </td>
      <td>
        <input
          type="checkbox"
          name={p('unique')}
          value="true"
          checked={row.unique}
          aria-label={label('unique')}
        />
      </td>
      <TextCell id={p('minimum')} name={p('minimum')} value={row.minimum} label={label('minimum')} />
      <TextCell id={p('maximum')} name={p('maximum')} value={row.maximum} label={label('maximum')} />
      <TextCell id={p('enum')} name={p('enum')} value={row.enum} label={label('enum')} />
      <td>
        <select id={p('reference')} name={p('reference')} aria-label={label('reference')}>
          <option safe value="">
            {m('noReference')}
          </option>
          {references.map((r) => (
            <option value={r.value} selected={row.reference === r.value} safe>
              {r.label}
            </option>
          ))}
        </select>
      </td>
      <td>
        {row.original ? (
          <input
            type="checkbox"
            name={p('remove')}
            value="true"
            checked={row.remove}
            aria-label={label('remove')}
          />
        ) : (
          ''
        )}
      </td>
    </tr>
  );
}

/** `/workspace/datasets/:name/resources/:id/schema`: see and edit a resource's Table Schema. */
export function TableSchemaPage({ ctx, view }: { ctx: PageContext; view: TableSchemaView }) {
  const m = (k: TableSchemaMessage) => tst(ctx.locale, k);
  const v = view.values;
  const action = `/workspace/datasets/${encodeURIComponent(view.datasetName)}/resources/${encodeURIComponent(view.resourceId)}/schema`;
  const headers: TableSchemaMessage[] = [
    'name',
    'fieldTitle',
    'titleEn',
    'type',
    'unit',
    'description',
    'required',
    'unique',
    'minimum',
    'maximum',
    'enum',
    'reference',
    'remove',
  ];
  return (
    <Layout ctx={ctx} title={`${m('title')}: ${view.resourceName}`}>
      <p>
        <a href={`/workspace/datasets/${encodeURIComponent(view.datasetName)}/edit#resources`} safe>
          {`${m('back')}: ${view.datasetTitle}`}
        </a>
      </p>
      <h1 safe>{`${m('title')}: ${view.resourceName}`}</h1>
      <p safe>{m('lead')}</p>
      {view.hasSchema ? (
        <p>
          <a safe href={`${action}/template.csv`} download="">
            {m('template')}
          </a>
        </p>
      ) : (
        <p safe class="notice">
          {m('none')}
        </p>
      )}
      <FormErrors ctx={ctx} errors={view.errors} />
      <form method="post" action={action} class="stack">
        <CsrfField ctx={ctx} />
        <input type="hidden" name="field_count" value={String(v.rows.length)} />
        <div class="table-wrap" tabindex="0">
          <table>
            <caption safe>{m('fields')}</caption>
            <thead>
              <tr>
                {headers.map((h) => (
                  <th safe scope="col">
                    {m(h)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {v.rows.map((row, index) => (
                <FieldRow ctx={ctx} row={row} index={index} view={view} />
              ))}
            </tbody>
          </table>
        </div>
        <div class="stack">
          <label safe for="primary_key">
            {m('primaryKey')}
          </label>
          <input id="primary_key" name="primary_key" value={v.primaryKey} />
        </div>
        <div class="stack">
          <label safe for="period_field">
            {m('periodField')}
          </label>
          <input id="period_field" name="period_field" value={v.periodField} />
        </div>
        <div class="stack">
          <label safe for="series_fields">
            {m('seriesFields')}
          </label>
          <input id="series_fields" name="series_fields" value={v.seriesFields} />
        </div>
        <div class="stack">
          <label safe for="change_percent">
            {m('changePercent')}
          </label>
          <input id="change_percent" name="change_percent" inputmode="decimal" value={v.changePercent} />
        </div>
        <p>
          <button safe type="submit">
            {m('save')}
          </button>
        </p>
      </form>
    </Layout>
  );
}
