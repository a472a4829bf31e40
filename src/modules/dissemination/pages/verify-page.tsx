import { Layout } from '../../../kernel/http/layout.js';
import type { PageContext } from '../../../kernel/http/page-context.js';
import { msg } from './form-parts.js';

export interface VerifyView {
  hash: string;
  title: string;
  year: number;
  sources: { code: string; title: string; dataset: string; datasetTitle: string; versionNumber: number }[];
  previous: string | null;
  changes: {
    code: string;
    title: string;
    change: 'changed' | 'added' | 'removed';
    from?: number;
    to?: number;
  }[];
}

/** GET /publikasi/verifikasi/:hash — which data versions an edition contains, and what changed. */
export function VerifyPage({ ctx, view }: { ctx: PageContext; view: VerifyView }) {
  const m = msg(ctx);
  return (
    <Layout ctx={ctx} title={m('verify.title')}>
      <h1 safe>{m('verify.title')}</h1>
      <p safe>{m('verify.lead', { hash: view.hash, title: view.title, year: view.year })}</p>
      <table class="table" id="edition-sources">
        <caption safe>{m('verify.title')}</caption>
        <thead>
          <tr>
            <th scope="col" safe>
              {m('verify.code')}
            </th>
            <th scope="col" safe>
              {m('verify.table')}
            </th>
            <th scope="col" safe>
              {m('verify.dataset')}
            </th>
            <th scope="col" safe>
              {m('verify.version')}
            </th>
          </tr>
        </thead>
        <tbody>
          {view.sources.map((s) => (
            <tr data-code={s.code}>
              <th scope="row" safe>
                {s.code}
              </th>
              <td safe>{s.title}</td>
              <td>
                <a href={`/dataset/${encodeURIComponent(s.dataset)}`} safe>
                  {s.datasetTitle}
                </a>
              </td>
              <td safe>{String(s.versionNumber)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <section aria-labelledby="changes-title" id="edition-changes">
        <h2 id="changes-title" safe>
          {m('verify.changes')}
        </h2>
        {view.previous ? (
          <>
            <p safe>{m('verify.previous', { hash: view.previous })}</p>
            {view.changes.length === 0 ? (
              <p safe>{m('verify.noChange')}</p>
            ) : (
              <ul>
                {view.changes.map((c) => (
                  <li data-code={c.code} data-change={c.change} safe>
                    {m(`verify.${c.change}`, {
                      code: c.code,
                      title: c.title,
                      from: c.from ?? '',
                      to: c.to ?? '',
                    })}
                  </li>
                ))}
              </ul>
            )}
          </>
        ) : (
          <p safe>{m('verify.noPrevious')}</p>
        )}
      </section>
    </Layout>
  );
}
