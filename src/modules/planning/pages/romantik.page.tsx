import { CsrfField, FormErrors, Layout } from '../../../kernel/http/layout.js';
import type { PageContext } from '../../../kernel/http/page-context.js';
import type { RomantikState } from '../domain/romantik.js';
import { Field, FileField, Head, InlineForm, Select } from './form-parts.js';
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
            <Head
              cols={(
                ['r.activity', 'r.agency', 'r.fs3', 'r.due', 'r.status', 'r.letter', 'r.code'] as const
              ).map((k) => m(k))}
            />
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
                      <InlineForm ctx={ctx} action={`/workspace/romantik/${r.id}/fs3`} submit={m('p.save')}>
                        <label safe for={`fs3-${r.id}`}>
                          {m('r.fs3Record')}
                        </label>{' '}
                        <input id={`fs3-${r.id}`} name="submitted_on" type="date" required />
                      </InlineForm>
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
            <Select
              label={m('r.activity')}
              id="f-activity"
              name="id"
              options={view.rows.map((r) => ({ value: r.id, label: `${r.title} (${r.agency_name})` }))}
            />
            <Select
              label={m('r.status')}
              name="status"
              options={STATUSES.map((s) => ({ value: s, label: m(`r.s.${s}`) }))}
            />
            {(
              [
                ['number', 'r.number', 'text'],
                ['date', 'r.date', 'date'],
                ['activity_code', 'r.code', 'text'],
              ] as const
            ).map(([name, label, type]) => (
              <Field label={m(label)} name={name} type={type} />
            ))}
            <FileField label={m('r.file')} id="f-letter" name="upload" accept=".pdf,image/*" />
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
