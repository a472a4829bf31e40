import type { PageContext } from '../../../kernel/http/page-context.js';
import { Head, InlineForm } from './form-parts.js';
import { type PmKey, pm } from './planning.messages.js';
import { answerText, columnHeader as header, type M, type YearView } from './year-view.js';

/** The year's rows: each with its producer's answer, fulfilment and links, and the forms on them. */
export function ItemsTable({ ctx, view }: { ctx: PageContext; view: YearView }) {
  const m: M = (k, p) => pm(ctx.locale, k, p);
  const { year, list, items } = view;
  const manage = ctx.can('data_list:manage');
  const enacted = list?.status === 'enacted';
  const base = `/workspace/daftar-data/${year}`;
  const standardName = new Map(view.standards.map((d) => [d.id, d.title]));
  const activityName = new Map(view.activities.map((a) => [a.id, a.title]));
  const typed = view.typed ?? {};
  return (
    <>
      {items.length === 0 ? (
        <p safe>{m('p.noItems')}</p>
      ) : (
        <div class="table-wrap">
          <table class="table" id="items">
            <Head
              cols={[
                ...(['id_ddd', 'data_name', 'agency', 'kind', 'update_schedule'] as const).map(header),
                m('p.itemStatus'),
                m('p.response'),
                m('p.fulfilment'),
                m('p.links'),
              ]}
            />
            <tbody>
              {items.map((i) => {
                const f = view.fulfilment.get(i.id);
                const mine = ctx.can('data_list:respond', { agencyId: i.agency_id });
                return (
                  <tr data-item={i.id_ddd}>
                    <th scope="row" safe>
                      {i.id_ddd}
                    </th>
                    <td safe>{i.data_name}</td>
                    <td safe>{i.agency_name}</td>
                    <td>{i.kind}</td>
                    <td>{i.update_schedule}</td>
                    <td safe>{m(`p.item.${i.status}` as PmKey)}</td>
                    <td>
                      <span safe>{answerText(i, m)}</span>
                      {mine && !enacted ? (
                        <InlineForm
                          ctx={ctx}
                          action={`${base}/items/${i.id}/respond`}
                          submit={m('p.respond')}
                        >
                          <label safe for={`r-${i.id}`}>
                            {m('p.response')}
                          </label>{' '}
                          <select id={`r-${i.id}`} name="response">
                            <option value="agree" safe>
                              {m('p.agree')}
                            </option>
                            <option value="refuse" safe>
                              {m('p.refuse')}
                            </option>
                          </select>{' '}
                          <label safe for={`rr-${i.id}`}>
                            {m('p.reason')}
                          </label>{' '}
                          <input id={`rr-${i.id}`} name="reason" value={typed[`reason-${i.id}`] ?? ''} />
                        </InlineForm>
                      ) : (
                        ''
                      )}
                    </td>
                    <td>
                      <span safe>{m(`p.f.${f?.state ?? 'pending'}` as PmKey)}</span>
                      {f?.datasets.length ? (
                        <small safe>{` (${f.datasets.map((d) => d.title).join(', ')})`}</small>
                      ) : (
                        ''
                      )}
                      {enacted && ctx.can('dataset:update', { agencyId: i.agency_id }) ? (
                        <InlineForm ctx={ctx} action={`${base}/items/${i.id}/link`} submit={m('p.link')}>
                          <label safe for={`l-${i.id}`}>
                            {m('p.dataset')}
                          </label>{' '}
                          <input id={`l-${i.id}`} name="dataset" />
                        </InlineForm>
                      ) : (
                        ''
                      )}
                    </td>
                    <td>
                      <span safe>
                        {[
                          standardName.get(i.data_standard_id ?? ''),
                          activityName.get(i.statistical_activity_id ?? ''),
                        ]
                          .filter(Boolean)
                          .join('; ') || '-'}
                      </span>
                      {manage && !enacted ? (
                        <InlineForm ctx={ctx} action={`${base}/items/${i.id}/links`} submit={m('p.save')}>
                          <label safe for={`ls-${i.id}`}>
                            {m('p.standard')}
                          </label>{' '}
                          <select id={`ls-${i.id}`} name="data_standard_id">
                            <option value="" safe>
                              {m('p.none')}
                            </option>
                            {view.standards.map((d) => (
                              <option value={d.id} selected={d.id === i.data_standard_id} safe>
                                {d.sdsn_code ? `${d.title} (${d.sdsn_code})` : d.title}
                              </option>
                            ))}
                          </select>{' '}
                          <label safe for={`la-${i.id}`}>
                            {m('p.activity')}
                          </label>{' '}
                          <select id={`la-${i.id}`} name="statistical_activity_id">
                            <option value="" safe>
                              {m('p.none')}
                            </option>
                            {view.activities
                              .filter((a) => a.agency_id === i.agency_id)
                              .map((a) => (
                                <option value={a.id} selected={a.id === i.statistical_activity_id} safe>
                                  {a.title}
                                </option>
                              ))}
                          </select>
                        </InlineForm>
                      ) : (
                        ''
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

/** What an enacted list's producers owe, period by period. */
export function ObligationsSection({ ctx, view }: { ctx: PageContext; view: YearView }) {
  const m: M = (k, p) => pm(ctx.locale, k, p);
  const { year, list } = view;
  const _manage = ctx.can('data_list:manage');
  const enacted = list?.status === 'enacted';
  const _base = `/workspace/daftar-data/${year}`;
  const agencyName = new Map(view.agencies.map((a) => [a.id, a.name]));
  return (
    <>
      {enacted ? (
        <section aria-labelledby="owe-title">
          <h2 safe id="owe-title">
            {m('p.owe')}
          </h2>
          {view.owed.length === 0 ? (
            <p safe>{m('p.noOwe')}</p>
          ) : (
            <table class="table" id="owed">
              <Head
                cols={[header('id_ddd'), header('data_name'), m('p.agency'), m('p.period'), m('p.due')]}
              />
              <tbody>
                {view.owed.map((o) => (
                  <tr>
                    <td safe>{o.id_ddd}</td>
                    <td safe>{o.data_name}</td>
                    <td safe>{agencyName.get(o.agency_id) ?? ''}</td>
                    <td safe>{o.period}</td>
                    <td safe>{o.due_on}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ) : (
        ''
      )}
    </>
  );
}
