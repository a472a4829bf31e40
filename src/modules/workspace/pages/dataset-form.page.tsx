import { escapeHtml } from '@kitajs/html';
import type { Agency, Topic } from '../../../kernel/db/schema.js';
import { CsrfField, FormErrors, Layout } from '../../../kernel/http/layout.js';
import type { PageContext } from '../../../kernel/http/page-context.js';
import type { PackageDict } from '../../catalog/index.js';
import { FREQUENCIES, FREQUENCY_IDS, LICENSES, licenseTitle } from '../../catalog/index.js';
import { ResourcesSection } from './dataset-resources.js';
import { DatasetWorkPanel, type DatasetWorkView } from './dataset-work.js';
import { wt } from './workspace.messages.js';

/** Values of the dataset form, as strings the way a browser posts them. */
export interface DatasetFormValues {
  name: string;
  title: string;
  notes: string;
  owner_org: string;
  license_id: string;
  update_frequency: string;
  temporal_start: string;
  temporal_end: string;
  spatial: string;
  tags: string;
  groups: string[];
  maintainer: string;
  maintainer_email: string;
  state: string;
  public: boolean;
  if_unmodified_since: string;
}

export interface DatasetFormView {
  /** Metadata, worksheet, submission, classification and SDI score (editing only). */
  work?: DatasetWorkView | undefined;
  values: DatasetFormValues;
  agencies: Agency[];
  topics: Topic[];
  mayPublish: boolean;
  errors?: Record<string, string[]> | undefined;
  /** What was typed into a refused resource form (kept, issue #17 item 6). */
  resourceTyped?: Record<string, string> | undefined;
  /** Present when editing. */
  dict?: PackageDict | undefined;
}

export function emptyValues(ownerOrg: string): DatasetFormValues {
  return {
    name: '',
    title: '',
    notes: '',
    owner_org: ownerOrg,
    license_id: 'CC-BY-4.0',
    update_frequency: 'annual',
    temporal_start: '',
    temporal_end: '',
    spatial: '',
    tags: '',
    groups: [],
    maintainer: '',
    maintainer_email: '',
    state: 'draft',
    public: false,
    if_unmodified_since: '',
  };
}

export function valuesFromDict(d: PackageDict): DatasetFormValues {
  return {
    name: d.name,
    title: d.title,
    notes: d.notes,
    owner_org: d.organization.name,
    license_id: d.license_id,
    update_frequency: d.update_frequency ?? '',
    temporal_start: d.temporal_start ?? '',
    temporal_end: d.temporal_end ?? '',
    spatial: d.spatial.join(', '),
    tags: d.tags.map((t) => t.name).join(', '),
    groups: d.groups.map((g) => g.name),
    maintainer: d.maintainer,
    maintainer_email: d.maintainer_email,
    state: d.state === 'draft' ? 'draft' : 'active',
    public: !d.private && d.state === 'active',
    if_unmodified_since: d.metadata_modified ?? '',
  };
}

function Field({
  id,
  label,
  help,
  children,
}: {
  id: string;
  label: string;
  help?: string;
  children: JSX.Element;
}) {
  return (
    <div class="stack">
      <label for={id} safe>
        {label}
      </label>
      {children}
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

/** Create or edit a dataset's metadata. */
export function DatasetFormPage({ ctx, view }: { ctx: PageContext; view: DatasetFormView }) {
  const w = (k: Parameters<typeof wt>[1]) => wt(ctx.locale, k);
  const v = view.values;
  const editing = Boolean(view.dict);
  const action = editing ? `/workspace/datasets/${view.dict?.name}/edit` : '/workspace/datasets/new';
  return (
    <Layout ctx={ctx} title={editing ? w('form.editTitle') : w('form.newTitle')}>
      <h1 safe>{editing ? `${w('form.editTitle')}: ${v.title}` : w('form.newTitle')}</h1>
      {editing && view.dict && !view.dict.private && view.dict.state === 'active' ? (
        <p>
          <a safe href={`/dataset/${view.dict.name}`}>
            {w('form.view')}
          </a>
        </p>
      ) : (
        ''
      )}
      <FormErrors
        ctx={ctx}
        errors={view.errors}
        labels={{
          title: w('form.title'),
          name: w('form.name'),
          notes: w('form.notes'),
          owner_org: w('form.agency'),
          license_id: w('form.license'),
          update_frequency: w('form.frequency'),
          temporal_start: w('form.temporalStart'),
          temporal_end: w('form.temporalEnd'),
          spatial: w('form.spatial'),
          tags: w('form.tags'),
          groups: w('form.topics'),
          maintainer: w('form.maintainer'),
          maintainer_email: w('form.maintainerEmail'),
          state: w('form.state'),
          private: w('form.public'),
          upload: w('resources.file'),
          url: w('resources.url'),
          format: w('resources.format'),
          description: w('resources.description'),
          sheet: w('resources.file'),
          schema: w('resources.file'),
        }}
      />
      <form method="post" action={action} class="stack form-grid">
        <CsrfField ctx={ctx} />
        <input type="hidden" name="if_unmodified_since" value={v.if_unmodified_since} />
        <Field id="title" label={w('form.title')}>
          <input id="title" name="title" required maxlength="500" value={v.title} />
        </Field>
        <Field id="name" label={w('form.name')} help={editing ? w('form.nameHelp') : w('form.nameHelpNew')}>
          <input
            id="name"
            name="name"
            required={editing}
            pattern="[a-z0-9_-]{2,100}"
            value={v.name}
            aria-describedby="name-help"
          />
        </Field>
        <Field id="notes" label={w('form.notes')}>
          <textarea id="notes" name="notes" rows="5" safe>
            {v.notes}
          </textarea>
        </Field>
        <Field id="owner_org" label={w('form.agency')}>
          <select id="owner_org" name="owner_org">
            {view.agencies.map((a) => (
              <option value={a.code} selected={a.code === v.owner_org} safe>
                {a.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id="license_id" label={w('form.license')}>
          <select id="license_id" name="license_id">
            {LICENSES.map((l) => (
              <option value={l.id} selected={l.id === v.license_id} safe>
                {licenseTitle(ctx.locale, l.id)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="update_frequency" label={w('form.frequency')}>
          <select id="update_frequency" name="update_frequency">
            <option safe value="">
              {w('form.none')}
            </option>
            {FREQUENCY_IDS.map((f) => (
              <option value={f} selected={f === v.update_frequency}>
                {FREQUENCIES[f][ctx.locale]}
              </option>
            ))}
          </select>
        </Field>
        <Field id="temporal_start" label={w('form.temporalStart')}>
          <input id="temporal_start" name="temporal_start" type="date" value={v.temporal_start} />
        </Field>
        <Field id="temporal_end" label={w('form.temporalEnd')}>
          <input id="temporal_end" name="temporal_end" type="date" value={v.temporal_end} />
        </Field>
        <Field id="spatial" label={w('form.spatial')}>
          <input id="spatial" name="spatial" value={v.spatial} placeholder="35.20, 35.20.06" />
        </Field>
        <Field id="tags" label={w('form.tags')}>
          <input id="tags" name="tags" value={v.tags} />
        </Field>
        <fieldset>
          <legend safe>{w('form.topics')}</legend>
          {view.topics.map((t) => (
            <label class="check">
              <input type="checkbox" name="groups" value={t.name} checked={v.groups.includes(t.name)} />{' '}
              <span safe>{ctx.locale === 'en' && t.title_en ? t.title_en : t.title}</span>
            </label>
          ))}
        </fieldset>
        <Field id="maintainer" label={w('form.maintainer')}>
          <input id="maintainer" name="maintainer" value={v.maintainer} />
        </Field>
        <Field id="maintainer_email" label={w('form.maintainerEmail')}>
          <input id="maintainer_email" name="maintainer_email" type="email" value={v.maintainer_email} />
        </Field>
        <Field id="state" label={w('form.state')}>
          <select id="state" name="state">
            <option safe value="draft" selected={v.state === 'draft'}>
              {w('state.draft')}
            </option>
            <option safe value="active" selected={v.state === 'active'}>
              {w('state.private')}
            </option>
          </select>
        </Field>
        {view.mayPublish ? (
          <label class="check">
            <input type="checkbox" name="public" value="true" checked={v.public} />{' '}
            {escapeHtml(w('form.public'))}
          </label>
        ) : (
          <p safe class="hint">
            {w('form.publicHelp')}
          </p>
        )}
        <button safe type="submit">
          {w('form.save')}
        </button>
      </form>
      {view.dict ? <ResourcesSection ctx={ctx} dict={view.dict} typed={view.resourceTyped} /> : ''}
      {view.work ? <DatasetWorkPanel ctx={ctx} work={view.work} /> : ''}
    </Layout>
  );
}
