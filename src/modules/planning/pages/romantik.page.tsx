import { CsrfField, FormErrors, Layout } from '../../../kernel/http/layout.js';
import type { PageContext } from '../../../kernel/http/page-context.js';
import type { RomantikState } from '../domain/romantik.js';
import { type PmKey, pm } from './planning.messages.js';

export interface RomantikRow {
  id: string;
  title: string;
  agency_id: string;
  agency_name: string;
  activity_code: string | null;
  recommendation_status: string;
  recommendation_number: string | null;
  recommendation_date: string | null;
  fs3_submitted_on: string | null;
  recommendation_letter_name: string | null;
  state: RomantikState;
  /** BPS's answer due day in the region's time zone ('YYYY-MM-DD'), while it waits. */
  due: string | null;
}

export interface RomantikView {
  rows: RomantikRow[];
  errors?: Record<string, string[]> | undefined;
}

const STATUSES = ['submitted', 'revision', 'recommended', 'not_required'] as const;

/** GET /workspace/romantik — each statistical activity's FS3, BPS's answer and its letter. */
export function RomantikPage({ ctx, view }: { ctx: PageContext; view: RomantikView }) {
  const m = (k: PmKey, p?: Record<string, string | number>) => pm(ctx.locale, k, p);
  const bps = ctx.can('data_list:recommend');
  return (
    <Layout ctx={ctx} title={m('r.title')}>
      <h1 safe>{m('r.title')}</h1>
      <p class="lead" safe>
        {m('r.lead')}
      </p>
      <FormErrors ctx={ctx} errors={view.errors} />
      {view.rows.length === 0 ? (
        <p safe>{m('r.none')}</p>
      ) : (
        <div class="table-wrap">
          <table class="table" id="romantik">
            <thead>
              <tr>
                {(
                  ['r.activity', 'r.agency', 'r.fs3', 'r.due', 'r.status', 'r.letter', 'r.code'] as const
                ).map((k) => (
                  <th scope="col" safe>
                    {m(k)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {view.rows.map((r) => (
                <tr data-activity={r.title} data-state={r.state}>
                  <th scope="row" safe>
                    {r.title}
                  </th>
                  <td safe>{r.agency_name}</td>
                  <td>
                    <span safe>{r.fs3_submitted_on ?? '-'}</span>
                    {ctx.can('metadata:update', { agencyId: r.agency_id }) ? (
                      <form method="post" action={`/workspace/romantik/${r.id}/fs3`} class="inline">
                        <CsrfField ctx={ctx} />
                        <label safe for={`fs3-${r.id}`}>
                          {m('r.fs3Record')}
                        </label>{' '}
                        <input id={`fs3-${r.id}`} name="submitted_on" type="date" required />{' '}
                        <button type="submit" safe>
                          {m('p.save')}
                        </button>
                      </form>
                    ) : (
                      ''
                    )}
                  </td>
                  <td>
                    <span safe>{r.due ?? '-'}</span>
                    {r.state === 'overdue' ? (
                      <strong class="overdue" safe>{` ${m('r.overdue')}`}</strong>
                    ) : (
                      ''
                    )}
                  </td>
                  <td safe>{m(`r.s.${r.recommendation_status}` as PmKey)}</td>
                  <td>
                    <span safe>
                      {[r.recommendation_number, r.recommendation_date].filter(Boolean).join(', ') || '-'}
                    </span>
                    {r.recommendation_letter_name ? (
                      <>
                        {' '}
                        <a safe href={`/workspace/romantik/${r.id}/surat`}>
                          {`${m('r.download')} (${r.recommendation_letter_name})`}
                        </a>
                      </>
                    ) : (
                      ''
                    )}
                  </td>
                  <td safe>{r.activity_code ?? '-'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {bps && view.rows.length > 0 ? (
        <section aria-labelledby="answer-title">
          <h2 safe id="answer-title">
            {m('r.answer')}
          </h2>
          <form method="post" action="/workspace/romantik/rekomendasi" enctype="multipart/form-data">
            <CsrfField ctx={ctx} />
            <p>
              <label safe for="f-activity">
                {m('r.activity')}
              </label>
              <br />
              <select id="f-activity" name="id">
                {view.rows.map((r) => (
                  <option value={r.id} safe>
                    {`${r.title} (${r.agency_name})`}
                  </option>
                ))}
              </select>
            </p>
            <p>
              <label safe for="f-status">
                {m('r.status')}
              </label>
              <br />
              <select id="f-status" name="status">
                {STATUSES.map((s) => (
                  <option value={s} safe>
                    {m(`r.s.${s}`)}
                  </option>
                ))}
              </select>
            </p>
            {(
              [
                ['number', 'r.number', 'text'],
                ['date', 'r.date', 'date'],
                ['activity_code', 'r.code', 'text'],
              ] as const
            ).map(([name, label, type]) => (
              <p>
                <label safe for={`f-${name}`}>
                  {m(label)}
                </label>
                <br />
                <input id={`f-${name}`} name={name} type={type} />
              </p>
            ))}
            <p>
              <label safe for="f-letter">
                {m('r.file')}
              </label>
              <br />
              <input id="f-letter" type="file" name="upload" accept=".pdf,image/*" />
            </p>
            <button type="submit" safe>
              {m('p.save')}
            </button>
          </form>
        </section>
      ) : (
        ''
      )}
    </Layout>
  );
}
