import { CsrfField, Layout } from '../../../kernel/http/layout.js';
import type { PageContext } from '../../../kernel/http/page-context.js';
import type { MetadataDocument } from '../metadata-document.js';
import { type MetadataMessageKey, mt } from './metadata.messages.js';
import { base } from './metadata.page.js';
import type { ActivityOption, StandardOption } from './metadata.views.js';

function Missing({ ctx, missing }: { ctx: PageContext; missing: string[] }) {
  return missing.length === 0 ? (
    <span safe class="badge">
      {mt(ctx.locale, 'meta.complete')}
    </span>
  ) : (
    <span class="hint" safe>
      {mt(ctx.locale, 'meta.incomplete', { fields: missing.join(', ') })}
    </span>
  );
}

/** The dataset's metadata at a glance: standard and activity pickers, forms, exports. */
export function MetadataOverviewPage({
  ctx,
  doc,
  standards,
  activities,
}: {
  ctx: PageContext;
  doc: MetadataDocument;
  standards: StandardOption[];
  activities: ActivityOption[];
}) {
  const m = (k: MetadataMessageKey, p?: Record<string, string | number>) => mt(ctx.locale, k, p);
  const url = base(doc);
  const keg = doc.completeness.ms_keg;
  return (
    <Layout ctx={ctx} title={m('meta.title')}>
      <h1 safe>{`${m('meta.title')}: ${doc.title}`}</h1>
      <p safe>{m('meta.lead')}</p>
      <section class="stack">
        <h2 safe>{m('meta.standard')}</h2>
        <form method="post" action={`${url}/standard`} class="stack">
          <CsrfField ctx={ctx} />
          <label safe for="standard_id">
            {m('meta.standard')}
          </label>
          <select id="standard_id" name="standard_id">
            <option safe value="">
              {m('meta.standardNone')}
            </option>
            {standards.map((s) => (
              <option value={s.id} selected={s.id === doc.data_standard?.id} safe>
                {`${s.title}${s.sdsn_code ? ` (${s.sdsn_code})` : ''} · ${m('meta.standardVersion', { version: s.version })}`}
              </option>
            ))}
          </select>
          <button safe type="submit">
            {m('meta.standardSave')}
          </button>
        </form>
      </section>
      <section class="stack">
        <h2 safe>{m('meta.activity')}</h2>
        <form method="post" action={`${url}/activity`} class="stack">
          <CsrfField ctx={ctx} />
          <label safe for="activity_id">
            {m('meta.activity')}
          </label>
          <select id="activity_id" name="activity_id" aria-describedby="activity_id-help">
            <option safe value="">
              {m('meta.activityNone')}
            </option>
            {activities.map((a) => (
              <option value={a.id} selected={a.id === doc.statistical_activity?.id} safe>
                {`${a.title}${a.activity_code ? ` (${a.activity_code})` : ''}`}
              </option>
            ))}
          </select>
          <small safe id="activity_id-help">
            {m('meta.activityHelp')}
          </small>
          <button safe type="submit">
            {m('meta.activitySave')}
          </button>
        </form>
        <p>
          <a safe href={`${url}/ms-keg`}>
            {m('meta.fillKeg')}
          </a>{' '}
          {keg ? <Missing ctx={ctx} missing={keg.flatMap((b) => b.missing)} /> : ''}
        </p>
      </section>
      <section class="stack">
        <h2 safe>{m('meta.variables')}</h2>
        {doc.variables.length === 0 ? (
          <p safe>{m('meta.noColumns')}</p>
        ) : (
          <>
            <ul>
              {doc.completeness.ms_var.map((v) => (
                <li>
                  <code safe>{v.name}</code> <Missing ctx={ctx} missing={v.missing} />
                </li>
              ))}
            </ul>
            <p>
              <a safe href={`${url}/ms-var`}>
                {m('meta.fillVar')}
              </a>
            </p>
          </>
        )}
      </section>
      <section class="stack">
        <h2 safe>{m('meta.indicators')}</h2>
        {doc.indicators.length === 0 ? (
          <p safe>{m('meta.noIndicators')}</p>
        ) : (
          <ul>
            {doc.completeness.ms_ind.map((i) => (
              <li>
                <span safe>{i.name}</span> <Missing ctx={ctx} missing={i.missing} />{' '}
                <a safe href={`${url}/ms-ind/${i.id}`}>
                  {m('meta.editInd')}
                </a>
              </li>
            ))}
          </ul>
        )}
        <p>
          <a safe href={`${url}/ms-ind`}>
            {m('meta.addInd')}
          </a>
        </p>
      </section>
      <section class="stack">
        <h2 safe>{m('meta.exports')}</h2>
        <ul>
          <li>
            <a href={`${url}/ms-keg.xlsx`}>MS-Keg (XLSX)</a>
          </li>
          <li>
            <a href={`${url}/ms-var.xlsx`}>MS-Var (XLSX)</a>
          </li>
          <li>
            <a href={`${url}/ms-ind.xlsx`}>MS-Ind (XLSX)</a>
          </li>
          <li>
            <a safe href={`${url}.json`}>
              {m('meta.json')}
            </a>
          </li>
        </ul>
      </section>
    </Layout>
  );
}
