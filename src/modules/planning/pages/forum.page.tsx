import type { ForumInvitee, ForumMeeting } from '../../../kernel/db/schema/planning.js';
import { CsrfField, FormErrors, Layout } from '../../../kernel/http/layout.js';
import type { PageContext } from '../../../kernel/http/page-context.js';
import type { ItemRow } from '../data-list.repository.js';
import { FORUM_DECISIONS } from '../domain/columns.js';
import { type PmKey, pm } from './planning.messages.js';
import { answerText } from './year-view.js';

export interface ForumView {
  meeting: ForumMeeting;
  items: ItemRow[];
  decisions: Map<string, { decision: string; note: string }>;
  enacted: boolean;
  errors?: Record<string, string[]> | undefined;
  typed?: Record<string, string> | undefined;
}

/** GET /workspace/forum/:id — a forum meeting: agenda, invitees, minutes and a decision per row. */
export function ForumPage({ ctx, view }: { ctx: PageContext; view: ForumView }) {
  const m = (k: PmKey, p?: Record<string, string | number>) => pm(ctx.locale, k, p);
  const { meeting } = view;
  // The yearly evaluation's coordination meeting (issue #16) has minutes but no rows to decide,
  // and is held after the list is enacted.
  const evaluation = meeting.purpose === 'evaluation';
  const manage = ctx.can('data_list:manage') && (evaluation || !view.enacted);
  const base = `/workspace/forum/${meeting.id}`;
  const invitees = meeting.invitees as ForumInvitee[];
  const attendance = meeting.attendance as string[];
  const title = `${meeting.title} (${String(meeting.held_on).slice(0, 10)})`;
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        {evaluation ? (
          <a safe href={`/evaluasi?tahun=${meeting.year}#h-rapat`}>
            {m('p.backEvaluation')}
          </a>
        ) : (
          <a safe href={`/workspace/daftar-data/${meeting.year}`}>
            {m('p.back')}
          </a>
        )}
      </p>
      <h1 safe>{title}</h1>
      <FormErrors ctx={ctx} errors={view.errors} />
      <dl>
        <dt safe>{m('p.place')}</dt>
        <dd safe>{meeting.place || '-'}</dd>
        <dt safe>{m('p.agenda')}</dt>
        <dd safe>{meeting.agenda || '-'}</dd>
        <dt safe>{m('p.invitees')}</dt>
        <dd safe>{invitees.map((i) => i.name).join(', ') || '-'}</dd>
      </dl>
      <section aria-labelledby="minutes-title">
        <h2 safe id="minutes-title">
          {m('p.minutes')}
        </h2>
        {meeting.minutes ? (
          <div id="minutes">
            <p safe style="white-space:pre-wrap">
              {meeting.minutes}
            </p>
            <p safe>{`${m('p.attendance')}: ${attendance.join(', ')}`}</p>
          </div>
        ) : (
          <p safe>{m('p.minutesNo')}</p>
        )}
        {manage ? (
          <form method="post" action={`${base}/minutes`}>
            <CsrfField ctx={ctx} />
            <p>
              <label safe for="f-minutes">
                {m('p.minutes')}
              </label>
              <br />
              <textarea id="f-minutes" name="minutes" rows="6" required safe>
                {view.typed?.minutes ?? meeting.minutes}
              </textarea>
            </p>
            <p>
              <label safe for="f-attendance">
                {m('p.attendance')}
              </label>
              <br />
              <textarea id="f-attendance" name="attendance" rows="4" safe>
                {view.typed?.attendance ?? attendance.join('\n')}
              </textarea>
            </p>
            <button type="submit" safe>
              {m('p.save')}
            </button>
          </form>
        ) : (
          ''
        )}
      </section>
      {evaluation ? (
        ''
      ) : (
        <section aria-labelledby="decisions-title">
          <h2 safe id="decisions-title">
            {m('p.decisions')}
          </h2>
          <table class="table" id="decisions">
            <thead>
              <tr>
                <th scope="col">ID DDD</th>
                <th scope="col">Nama Data</th>
                <th scope="col" safe>
                  {m('p.response')}
                </th>
                <th scope="col" safe>
                  {m('p.itemStatus')}
                </th>
              </tr>
            </thead>
            <tbody>
              {view.items.map((i) => {
                const d = view.decisions.get(i.id);
                return (
                  <tr data-item={i.id_ddd}>
                    <th scope="row" safe>
                      {i.id_ddd}
                    </th>
                    <td safe>{`${i.data_name} — ${i.agency_name}`}</td>
                    <td safe>{answerText(i, m)}</td>
                    <td>
                      <span
                        safe
                      >{`${m(`p.item.${i.status}` as PmKey)}${d?.note ? ` (${d.note})` : ''}`}</span>
                      {manage ? (
                        <form method="post" action={`${base}/decisions`} class="inline">
                          <CsrfField ctx={ctx} />
                          <input type="hidden" name="item_id" value={i.id} />
                          <label safe for={`d-${i.id}`}>
                            {m('p.decide')}
                          </label>{' '}
                          <select id={`d-${i.id}`} name="decision">
                            {FORUM_DECISIONS.map((x) => (
                              <option value={x} selected={x === d?.decision} safe>
                                {m(`p.item.${x}` as PmKey)}
                              </option>
                            ))}
                          </select>{' '}
                          <label safe for={`n-${i.id}`}>
                            {m('p.note')}
                          </label>{' '}
                          <input id={`n-${i.id}`} name="note" value={d?.note ?? ''} />{' '}
                          <button type="submit" safe>
                            {m('p.save')}
                          </button>
                        </form>
                      ) : (
                        ''
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      )}
    </Layout>
  );
}
