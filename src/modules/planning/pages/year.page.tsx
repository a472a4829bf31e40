import type { Children } from '@kitajs/html';
import type { DataList, DataProposal, ForumMeeting } from '../../../kernel/db/schema/planning.js';
import type { Agency } from '../../../kernel/db/schema.js';
import { CsrfField, FormErrors, Layout } from '../../../kernel/http/layout.js';
import type { PageContext } from '../../../kernel/http/page-context.js';
import type { ItemRow } from '../data-list.repository.js';
import { type ItemTextField, LIST_COLUMNS } from '../domain/columns.js';
import type { FulfilmentState } from '../fulfilment.repository.js';
import type { ListProblem } from '../list-xlsx.js';
import { type PmKey, pm } from './planning.messages.js';

export interface YearView {
  year: number;
  list: DataList | undefined;
  items: ItemRow[];
  fulfilment: Map<string, { state: FulfilmentState; datasets: { name: string; title: string }[] }>;
  proposals: (DataProposal & { agency_name: string | null })[] | null;
  /** What a row may be linked to (its data standard, its agency's statistical activities). */
  standards: { id: string; title: string; sdsn_code: string | null }[];
  activities: { id: string; title: string; agency_id: string }[];
  /** Unmet public data requests not yet turned into proposals for this year (custodian only). */
  unmetRequests: number;
  meetings: ForumMeeting[];
  records: { kind: string; generated_at: Date }[];
  owed: {
    id: string;
    period: string;
    due_on: string;
    id_ddd: string;
    data_name: string;
    agency_id: string;
  }[];
  agencies: Agency[];
  years: number[];
  diff?:
    | {
        other: number;
        added: string[];
        removed: string[];
        changed: { id_ddd: string; columns: { column: string }[] }[];
      }
    | undefined;
  problems?: ListProblem[] | undefined;
  errors?: Record<string, string[]> | undefined;
  typed?: Record<string, string> | undefined;
}

type M = (k: PmKey, p?: Record<string, string | number>) => string;

function Field({
  label,
  name,
  value,
  type,
  required,
}: {
  label: string;
  name: string;
  value?: string | undefined;
  type?: string;
  required?: boolean;
}) {
  return (
    <p>
      <label safe for={`f-${name}`}>
        {label}
      </label>
      <br />
      <input
        id={`f-${name}`}
        name={name}
        type={type ?? 'text'}
        value={value ?? ''}
        required={required ?? false}
      />
    </p>
  );
}

function Select({
  label,
  name,
  options,
  value,
  id,
}: {
  label: string;
  name: string;
  options: { value: string; label: string }[];
  value?: string | undefined;
  id?: string;
}) {
  const fid = id ?? `f-${name}`;
  return (
    <p>
      <label safe for={fid}>
        {label}
      </label>
      <br />
      <select id={fid} name={name}>
        {options.map((o) => (
          <option value={o.value} selected={o.value === value} safe>
            {o.label}
          </option>
        ))}
      </select>
    </p>
  );
}

function TextArea({
  label,
  name,
  value,
  rows,
}: {
  label: string;
  name: string;
  value?: string | undefined;
  rows: number;
}) {
  return (
    <p>
      <label safe for={`f-${name}`}>
        {label}
      </label>
      <br />
      <textarea id={`f-${name}`} name={name} rows={String(rows)} safe>
        {value ?? ''}
      </textarea>
    </p>
  );
}

/** A table's header row, one column heading per text. */
function Head({ cols }: { cols: string[] }) {
  return (
    <thead>
      <tr>
        {cols.map((c) => (
          <th scope="col" safe>
            {c}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/** A one-line form on a row: its fields, then its button. */
function InlineForm({
  ctx,
  action,
  submit,
  children,
}: {
  ctx: PageContext;
  action: string;
  submit: string;
  children: Children;
}) {
  return (
    <form method="post" action={action} class="inline">
      <CsrfField ctx={ctx} />
      {children}{' '}
      <button type="submit" safe>
        {submit}
      </button>
    </form>
  );
}

/** The §3.5 header of an item field, as the 19-column format names it. */
const header = (field: ItemTextField | 'agency') =>
  LIST_COLUMNS.find((c) => c.field === field)?.header ?? field;

function Problems({ problems, m }: { problems: ListProblem[]; m: M }) {
  return (
    <div class="errors" role="alert" id="import-problems">
      <p safe>{m('p.refused')}</p>
      <table class="table">
        <Head cols={[m('p.sheet'), m('p.row'), m('p.column'), m('p.problem')]} />
        <tbody>
          {problems.map((p) => (
            <tr>
              <td safe>{p.sheet}</td>
              <td safe>{p.row === null ? '' : String(p.row)}</td>
              <td safe>{p.column ?? ''}</td>
              <td safe>{p.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A producer's answer on a row, as text ('' when it has not answered). */
export function answerText(i: Pick<ItemRow, 'producer_response' | 'producer_reason'>, m: M): string {
  if (!i.producer_response) return '';
  const word = m(i.producer_response === 'agree' ? 'p.agree' : 'p.refuse');
  return i.producer_reason ? `${word}: ${i.producer_reason}` : word;
}

/** GET /workspace/daftar-data/:year — the year's list and everything planning does with it. */
export function YearPage({ ctx, view }: { ctx: PageContext; view: YearView }) {
  const m: M = (k, p) => pm(ctx.locale, k, p);
  const { year, list, items } = view;
  const manage = ctx.can('data_list:manage');
  const enacted = list?.status === 'enacted';
  const base = `/workspace/daftar-data/${year}`;
  const agencyName = new Map(view.agencies.map((a) => [a.id, a.name]));
  const standardName = new Map(view.standards.map((d) => [d.id, d.title]));
  const activityName = new Map(view.activities.map((a) => [a.id, a.title]));
  const typed = view.typed ?? {};
  return (
    <Layout ctx={ctx} title={m('p.title', { year })}>
      <h1 safe>{m('p.title', { year })}</h1>
      <p safe>
        {`${m('p.status')}: ${list ? m(`p.status.${list.status}` as PmKey) : m('p.status.draft')}${list ? ` (${m('p.version', { v: list.version })})` : ''}`}
      </p>
      {enacted && list ? <p safe>{m('p.enacted', { number: list.decree_number })}</p> : ''}
      <nav aria-label={m('p.years')}>
        <span safe>{`${m('p.years')}: `}</span>
        {view.years.map((y) => (
          <a safe href={`/workspace/daftar-data/${y}`} style="margin-right:.5em">
            {String(y)}
          </a>
        ))}
      </nav>
      <FormErrors ctx={ctx} errors={view.errors} />
      {view.problems?.length ? <Problems problems={view.problems} m={m} /> : ''}
      <p>
        {list ? (
          <a safe href={`${base}.xlsx`} class="button">
            {m('p.export')}
          </a>
        ) : (
          ''
        )}
      </p>
      {manage && !enacted ? (
        <section aria-labelledby="import-title">
          <h2 safe id="import-title">
            {m('p.import')}
          </h2>
          <form method="post" action={`${base}/import`} enctype="multipart/form-data">
            <CsrfField ctx={ctx} />
            <p safe>{m('p.importHint')}</p>
            <label safe for="f-file">
              {m('p.file')}
            </label>{' '}
            <input id="f-file" type="file" name="file" accept=".xlsx" required />{' '}
            <button type="submit" safe>
              {m('p.send')}
            </button>
          </form>
          <form method="post" action={`${base}/copy`}>
            <CsrfField ctx={ctx} />
            <label safe for="f-from">
              {m('p.copy')}
            </label>{' '}
            <input id="f-from" name="from_year" type="number" value={String(year - 1)} />{' '}
            <button type="submit" safe>
              {m('p.send')}
            </button>
          </form>
        </section>
      ) : (
        ''
      )}
      <form method="get" action={base}>
        <label safe for="f-diff">
          {m('p.diff')}
        </label>{' '}
        <input id="f-diff" name="banding" type="number" value={String(view.diff?.other ?? year - 1)} />{' '}
        <button type="submit" safe>
          {m('p.send')}
        </button>
      </form>
      {view.diff ? (
        <section id="diff">
          <p safe>{`${m('p.diffAdded')}: ${view.diff.added.join(', ') || '-'}`}</p>
          <p safe>{`${m('p.diffRemoved')}: ${view.diff.removed.join(', ') || '-'}`}</p>
          <p safe>
            {`${m('p.diffChanged')}: ${view.diff.changed.map((c) => `${c.id_ddd} (${c.columns.map((x) => x.column).join(', ')})`).join('; ') || '-'}`}
          </p>
        </section>
      ) : (
        ''
      )}
      <h2 safe>{m('p.items')}</h2>
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
      {manage && !enacted ? (
        <section aria-labelledby="add-title">
          <h2 safe id="add-title">
            {m('p.addItem')}
          </h2>
          <form method="post" action={`${base}/items`}>
            <CsrfField ctx={ctx} />
            <Field label={header('id_ddd')} name="id_ddd" value={typed.id_ddd} required />
            <Field label={header('data_name')} name="data_name" value={typed.data_name} required />
            <Select
              label={m('p.agency')}
              name="agency_id"
              value={typed.agency_id}
              options={view.agencies.map((a) => ({ value: a.id, label: a.name }))}
            />
            {LIST_COLUMNS.filter((c) => c.codes).map((c) => (
              <Select
                label={c.header}
                name={c.field}
                value={typed[c.field] ?? (c.field === 'update_schedule' ? 'tahunan' : undefined)}
                options={(c.codes ?? []).map((k) => ({ value: k, label: k }))}
              />
            ))}
            {(['definition', 'unit'] as const).map((f) => (
              <Field label={header(f)} name={f} value={typed[f]} />
            ))}
            <p>
              <input id="f-priority" type="checkbox" name="priority" value="true" />{' '}
              <label safe for="f-priority">
                {m('p.priority')}
              </label>
            </p>
            <button type="submit" safe>
              {m('p.save')}
            </button>
          </form>
        </section>
      ) : (
        ''
      )}
      {view.proposals ? (
        <section aria-labelledby="proposals-title">
          <h2 safe id="proposals-title">
            {m('p.proposals')}
          </h2>
          {!enacted ? (
            <form
              method="post"
              action={`${base}/needs-import`}
              enctype="multipart/form-data"
              id="needs-import"
            >
              <CsrfField ctx={ctx} />
              <p safe>{m('p.needsHint')}</p>
              <label safe for="f-needs">
                {m('p.needsImport')}
              </label>{' '}
              <input id="f-needs" type="file" name="file" accept=".xlsx,.csv" required />{' '}
              <button type="submit" safe>
                {m('p.send')}
              </button>
            </form>
          ) : (
            ''
          )}
          {view.unmetRequests > 0 && !enacted ? (
            <form method="post" action={`${base}/requests-to-proposals`} id="unmet-requests">
              <CsrfField ctx={ctx} />
              <p safe>{m('p.unmet', { n: view.unmetRequests })}</p>
              <button type="submit" safe>
                {m('p.unmetTake')}
              </button>
            </form>
          ) : (
            ''
          )}
          {view.proposals.length === 0 ? (
            <p safe>{m('p.noProposals')}</p>
          ) : (
            <table class="table" id="proposals">
              <Head cols={[header('data_name'), m('p.source'), m('p.status'), m('p.decide')]} />
              <tbody>
                {view.proposals.map((p) => (
                  <tr data-proposal={p.data_name}>
                    <td>
                      <span safe>{p.data_name}</span>
                      {p.description ? <small safe>{` — ${p.description}`}</small> : ''}
                    </td>
                    <td
                      safe
                    >{`${m(`p.src.${p.source}` as PmKey)}${p.proposer_name ? ` (${p.proposer_name})` : ''}`}</td>
                    <td safe>{m(`p.state.${p.state}` as PmKey)}</td>
                    <td>
                      {p.state === 'new' && !enacted ? (
                        <form method="post" action={`${base}/proposals/${p.id}`} class="inline">
                          <CsrfField ctx={ctx} />
                          <label safe for={`pd-${p.id}`}>
                            {header('id_ddd')}
                          </label>{' '}
                          <input id={`pd-${p.id}`} name="id_ddd" size="6" />{' '}
                          <label safe for={`pa-${p.id}`}>
                            {m('p.agency')}
                          </label>{' '}
                          <select id={`pa-${p.id}`} name="agency_id">
                            {view.agencies.map((a) => (
                              <option value={a.id} selected={a.id === p.agency_id} safe>
                                {a.name}
                              </option>
                            ))}
                          </select>{' '}
                          <button type="submit" name="decision" value="accept" safe>
                            {m('p.accept')}
                          </button>{' '}
                          <button type="submit" name="decision" value="reject" safe>
                            {m('p.reject')}
                          </button>
                        </form>
                      ) : (
                        ''
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ) : (
        ''
      )}
      <section aria-labelledby="forum-title">
        <h2 safe id="forum-title">
          {m('p.forum')}
        </h2>
        {view.meetings.length === 0 ? (
          <p safe>{m('p.noMeetings')}</p>
        ) : (
          <ul id="meetings">
            {view.meetings.map((mt) => (
              <li>
                <a safe href={`/workspace/forum/${mt.id}`}>
                  {`${mt.title} (${String(mt.held_on).slice(0, 10)})`}
                </a>{' '}
                <small safe>{mt.minutes_recorded_at ? m('p.minutesYes') : m('p.minutesNo')}</small>
              </li>
            ))}
          </ul>
        )}
        {manage && !enacted ? (
          <form method="post" action={`${base}/forum`}>
            <CsrfField ctx={ctx} />
            <h3 safe>{m('p.newMeeting')}</h3>
            <Field label={m('p.meetingTitle')} name="title" value={typed.title} required />
            <Field label={m('p.heldOn')} name="held_on" type="date" value={typed.held_on} required />
            <Field label={m('p.place')} name="place" value={typed.place} />
            <TextArea label={m('p.agenda')} name="agenda" value={typed.agenda} rows={3} />
            <TextArea
              label={m('p.invitees')}
              name="invitees"
              value={typed.invitees ?? `BPS\nBappeda\n${view.agencies.map((a) => a.name).join('\n')}`}
              rows={4}
            />
            <button type="submit" safe>
              {m('p.save')}
            </button>
          </form>
        ) : (
          ''
        )}
      </section>
      <section aria-labelledby="records-title">
        <h2 safe id="records-title">
          {m('p.records')}
        </h2>
        <ul id="records">
          {view.records.map((r) => {
            const slug = r.kind === 'berita_acara' ? 'berita-acara' : 'sk';
            const label = m(r.kind === 'berita_acara' ? 'p.ba' : 'p.sk');
            return (
              <li>
                <span safe>{label}</span> <a href={`${base}/dokumen/${slug}.docx`}>DOCX</a>{' '}
                <a href={`${base}/dokumen/${slug}.pdf`}>PDF</a>
              </li>
            );
          })}
        </ul>
        {manage && !enacted && list ? (
          <form method="post" action={`${base}/records`}>
            <CsrfField ctx={ctx} />
            <Select
              label={m('p.records')}
              id="f-record-kind"
              name="kind"
              options={[
                { value: 'berita_acara', label: m('p.ba') },
                { value: 'sk_draft', label: m('p.sk') },
              ]}
            />
            <Select
              label={m('p.meeting')}
              name="meeting_id"
              options={view.meetings.map((mt) => ({
                value: mt.id,
                label: `${mt.title} (${String(mt.held_on).slice(0, 10)})`,
              }))}
            />
            <TextArea label={m('p.signatories')} name="signatories" value={typed.signatories} rows={3} />
            <button type="submit" safe>
              {m('p.generate')}
            </button>
          </form>
        ) : (
          ''
        )}
        {manage && list?.status === 'agreed' ? (
          <form method="post" action={`${base}/enact`} enctype="multipart/form-data">
            <CsrfField ctx={ctx} />
            <h3 safe>{m('p.enact')}</h3>
            <Field label={m('p.decreeNumber')} name="decree_number" value={typed.decree_number} required />
            <p>
              <label safe for="f-upload">
                {m('p.decreeScan')}
              </label>
              <br />
              <input id="f-upload" type="file" name="upload" accept=".pdf,image/*" />
            </p>
            <button type="submit" safe>
              {m('p.enact')}
            </button>
          </form>
        ) : (
          ''
        )}
      </section>
    </Layout>
  );
}
