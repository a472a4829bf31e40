import { CsrfField, FormErrors, Layout } from '../../../kernel/http/layout.js';
import type { PageContext } from '../../../kernel/http/page-context.js';
import { type CodeListKey, clt } from './code-list.messages.js';
import type { CodeListItemView } from './code-list-public.page.js';

export interface CodeListFormValues {
  name: string;
  title: string;
  title_en: string;
  description: string;
  description_en: string;
  source: string;
}

export const EMPTY_CODE_LIST: CodeListFormValues = {
  name: '',
  title: '',
  title_en: '',
  description: '',
  description_en: '',
  source: '',
};

export interface CodeListAdminView {
  lists: { name: string; title: string; version: number; item_count: number }[];
  values: CodeListFormValues;
  errors?: Record<string, string[]> | undefined;
}

export interface CodeListEditView {
  values: CodeListFormValues;
  version: number;
  items: CodeListItemView[];
  errors?: Record<string, string[]> | undefined;
  uploadSummary?: string | undefined;
  uploadErrors?: Record<string, string[]> | undefined;
}

function tr(ctx: PageContext) {
  return (k: CodeListKey, p: Record<string, string | number> = {}) => clt(ctx.locale, k, p);
}

function Fields({ ctx, values, isNew }: { ctx: PageContext; values: CodeListFormValues; isNew: boolean }) {
  const c = tr(ctx);
  const input = (name: keyof CodeListFormValues, label: CodeListKey, required = false) => (
    <p>
      <label safe for={`cl-${name}`}>
        {c(label)}
      </label>
      <input id={`cl-${name}`} name={name} value={values[name]} required={required} />
    </p>
  );
  return (
    <>
      {isNew ? (
        <p>
          <label safe for="cl-name">
            {c('cl.name')}
          </label>
          <input id="cl-name" name="name" value={values.name} required aria-describedby="cl-name-help" />
          <span safe class="hint" id="cl-name-help">
            {c('cl.nameHelp')}
          </span>
        </p>
      ) : (
        ''
      )}
      {input('title', 'cl.listTitle', true)}
      {input('title_en', 'cl.titleEn')}
      <p>
        <label safe for="cl-description">
          {c('cl.description')}
        </label>
        <textarea id="cl-description" name="description" safe>
          {values.description}
        </textarea>
      </p>
      <p>
        <label safe for="cl-description_en">
          {c('cl.descriptionEn')}
        </label>
        <textarea id="cl-description_en" name="description_en" safe>
          {values.description_en}
        </textarea>
      </p>
      {input('source', 'cl.source')}
    </>
  );
}

/** /admin/code-lists: every list and the form for a new one. */
export function CodeListAdminPage({ ctx, view }: { ctx: PageContext; view: CodeListAdminView }) {
  const c = tr(ctx);
  return (
    <Layout ctx={ctx} title={c('cl.adminTitle')}>
      <h1 safe>{c('cl.adminTitle')}</h1>
      <p>
        <a safe href="/kode-referensi">
          {c('cl.publicPage')}
        </a>
      </p>
      {view.lists.length === 0 ? (
        <p safe>{c('cl.empty')}</p>
      ) : (
        <div class="table-wrap" tabindex="0">
          <table>
            <thead>
              <tr>
                <th safe scope="col">
                  {c('cl.name')}
                </th>
                <th safe scope="col">
                  {c('cl.listTitle')}
                </th>
                <th safe scope="col">
                  {c('cl.version')}
                </th>
                <th safe scope="col">
                  {c('cl.items')}
                </th>
              </tr>
            </thead>
            <tbody>
              {view.lists.map((l) => (
                <tr>
                  <td>
                    <a href={`/admin/code-lists/${encodeURIComponent(l.name)}`} safe>
                      {l.name}
                    </a>
                  </td>
                  <td safe>{l.title}</td>
                  <td safe>{String(l.version)}</td>
                  <td safe>{String(l.item_count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section>
        <h2 safe>{c('cl.new')}</h2>
        <FormErrors ctx={ctx} errors={view.errors} />
        <form method="post" action="/admin/code-lists">
          <input type="hidden" name="_csrf" value={ctx.csrfToken} />
          <Fields ctx={ctx} values={view.values} isNew={true} />
          <button safe type="submit">
            {c('cl.create')}
          </button>
        </form>
      </section>
    </Layout>
  );
}

/** /admin/code-lists/:name: edit the list, upload its codes, see current and retired codes. */
export function CodeListEditPage({ ctx, view }: { ctx: PageContext; view: CodeListEditView }) {
  const c = tr(ctx);
  const name = view.values.name;
  const current = view.items.filter((i) => i.retired_in_version === null);
  return (
    <Layout ctx={ctx} title={`${c('cl.edit')}: ${name}`}>
      <p>
        <a safe href="/admin/code-lists">
          {c('cl.adminTitle')}
        </a>{' '}
        ·{' '}
        <a safe href={`/kode-referensi/${encodeURIComponent(name)}`}>
          {c('cl.publicPage')}
        </a>
      </p>
      <h1 safe>{`${c('cl.edit')}: codelist:${name}`}</h1>
      <p safe>
        {c('cl.version')}: {String(view.version)}
      </p>
      <FormErrors ctx={ctx} errors={view.errors} />
      <form method="post" action={`/admin/code-lists/${encodeURIComponent(name)}`}>
        <input type="hidden" name="_csrf" value={ctx.csrfToken} />
        <Fields ctx={ctx} values={view.values} isNew={false} />
        <button safe type="submit">
          {c('cl.save')}
        </button>
      </form>
      <section>
        <h2 safe id="upload">
          {c('cl.upload')}
        </h2>
        <p safe class="hint" id="uploadHelp">
          {c('cl.uploadHelp')}
        </p>
        {view.uploadSummary ? (
          <p class="errors" role="alert" safe>
            {view.uploadSummary}
          </p>
        ) : (
          ''
        )}
        <FormErrors ctx={ctx} errors={view.uploadErrors} />
        <form
          method="post"
          action={`/admin/code-lists/${encodeURIComponent(name)}/items`}
          enctype="multipart/form-data"
        >
          <CsrfField ctx={ctx} />
          <label safe for="cl-file">
            {c('cl.uploadFile')}
          </label>
          <input
            id="cl-file"
            name="file"
            type="file"
            accept=".csv,text/csv"
            required
            aria-describedby="uploadHelp"
          />
          <button safe type="submit">
            {c('cl.upload')}
          </button>
        </form>
      </section>
      <section>
        <h2 safe>{c('cl.items')}</h2>
        {current.length === 0 ? (
          <p safe>{c('cl.itemsEmpty')}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th safe scope="col">
                  {c('cl.code')}
                </th>
                <th safe scope="col">
                  {c('cl.label')}
                </th>
                <th safe scope="col">
                  {c('cl.labelEn')}
                </th>
                <th safe scope="col">
                  {c('cl.parent')}
                </th>
              </tr>
            </thead>
            <tbody>
              {current.map((i) => (
                <tr>
                  <td safe>{i.code}</td>
                  <td safe>{i.label}</td>
                  <td safe>{i.label_en ?? ''}</td>
                  <td safe>{i.parent ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </Layout>
  );
}
