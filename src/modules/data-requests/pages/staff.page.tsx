import type { Children } from '@kitajs/html';
import { CsrfField, FormErrors, Layout } from '../../../kernel/http/layout.js';
import type { PageContext } from '../../../kernel/http/page-context.js';
import type { PublicRequestView } from '../presenter.js';
import { DueExplained } from './status.page.js';
import { b, STATE_TEXT, say, when } from './text.js';

export interface StaffListRow {
  id: string;
  code: string;
  state: string;
  asked: string;
  due: string | null;
  overdue: boolean;
  objection_open: boolean;
}

/** The staff list: requests the actor may see (a producer: those routed to its agency). */
export function StaffListPage({ ctx, rows }: { ctx: PageContext; rows: StaffListRow[] }) {
  const l = ctx.locale;
  const title = say(l, b('Permintaan data masuk', 'Incoming data requests'));
  return (
    <Layout ctx={ctx} title={title}>
      <h1 safe>{title}</h1>
      <table class="data-table">
        <thead>
          <tr>
            <th safe>{say(l, b('Kode', 'Code'))}</th>
            <th safe>{say(l, b('Data yang diminta', 'Data asked for'))}</th>
            <th safe>{say(l, b('Status', 'Status'))}</th>
            <th safe>{say(l, b('Batas waktu', 'Due'))}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <td>
                <a href={`/kerja/permintaan-data/${r.id}`} safe>
                  {r.code}
                </a>
              </td>
              <td safe>{r.asked}</td>
              <td safe>
                {`${say(l, STATE_TEXT[r.state] ?? b(r.state, r.state))}${r.objection_open ? ` · ${say(l, b('keberatan', 'objection'))}` : ''}`}
              </td>
              <td safe>
                {`${when(l, r.due, ctx.timeZone)}${r.overdue ? ` · ${say(l, b('terlambat', 'overdue'))}` : ''}`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  );
}

export interface StaffDetail extends Omit<PublicRequestView, 'steps' | 'messages'> {
  id: string;
  step: string | null;
  purpose: string;
  region: string | null;
  period: string | null;
  format: string | null;
  delivery: string;
  proposedOutcome: string | null;
  requester: { name: string; email: string; phone: string | null; organisation: string | null } | null;
  hasAgencyFile: boolean;
  /** Reminders and escalations sent on the legal clocks (legal-alerts.ts), oldest first. */
  alerts: {
    clock: 'answer' | 'objection';
    kind: 'reminder' | 'escalation';
    sentAt: Date;
    dueAt: Date;
    recipients: number;
  }[];
  steps: PublicRequestView['steps'];
  messages: PublicRequestView['messages'];
}

export interface StaffOptions {
  staff: { id: string; full_name: string }[];
  agencies: { id: string; name: string }[];
  datasets: { id: string; title: string }[];
  canHandle: boolean;
  canRespond: boolean;
  canDecide: boolean;
}

function Post({
  ctx,
  id,
  verb,
  children,
  multipart,
}: {
  ctx: PageContext;
  id: string;
  verb: string;
  children: Children;
  multipart?: boolean;
}) {
  return (
    <form
      method="post"
      action={`/kerja/permintaan-data/${id}/${verb}`}
      class="stack"
      id={`form-${verb}`}
      enctype={multipart ? 'multipart/form-data' : undefined}
    >
      <CsrfField ctx={ctx} />
      {children}
    </form>
  );
}

const REASONS = [
  ['not_held', b('Data tidak dikuasai', 'Not held')],
  ['exempt', b('Dikecualikan (sebut dasar hukum)', 'Exempt (name the legal ground)')],
  [
    'not_yet_produced',
    b(
      'Belum dihasilkan — usulkan ke daftar data tahun depan',
      'Not yet produced — propose for next year’s list',
    ),
  ],
] as const;

function ReasonSelect({ ctx, selected }: { ctx: PageContext; selected?: string | null }) {
  return (
    <>
      <label for="reason" safe>
        {say(ctx.locale, b('Alasan', 'Reason'))}
      </label>
      <select id="reason" name="reason">
        {REASONS.map(([v, t]) => (
          <option value={v} selected={selected === v} safe>
            {say(ctx.locale, t)}
          </option>
        ))}
      </select>
    </>
  );
}

function NoteField({ ctx, required }: { ctx: PageContext; required?: boolean }) {
  return (
    <>
      <label for="note" safe>
        {say(ctx.locale, b('Catatan untuk pemohon', 'Note to the requester'))}
      </label>
      <textarea id="note" name="note" maxlength="4000" rows="2" required={required} />
    </>
  );
}

/** The forms of the step the request is at, as the actor may act on them. */
function StepForms({ ctx, d, o }: { ctx: PageContext; d: StaffDetail; o: StaffOptions }) {
  const l = ctx.locale;
  const forms: JSX.Element[] = [];
  if (o.canHandle && d.step === 'assign_staff')
    forms.push(
      <Post ctx={ctx} id={d.id} verb="assign">
        <label for="assignee" safe>
          {say(l, b('Disposisi kepada petugas', 'Assign to staff member'))}
        </label>
        <select id="assignee" name="assignee_id" required>
          {o.staff.map((s) => (
            <option value={s.id} safe>
              {s.full_name}
            </option>
          ))}
        </select>
        <button type="submit" safe>
          {say(l, b('Disposisikan', 'Assign'))}
        </button>
      </Post>,
    );
  if (o.canHandle && d.step === 'check_availability')
    forms.push(
      <Post ctx={ctx} id={d.id} verb="deliver">
        <label for="dataset" safe>
          {say(
            l,
            b('Data tersedia: pilih dataset yang sudah terbit', 'Available: choose the published dataset'),
          )}
        </label>
        <select id="dataset" name="dataset_id" required>
          {o.datasets.map((s) => (
            <option value={s.id} safe>
              {s.title}
            </option>
          ))}
        </select>
        <NoteField ctx={ctx} />
        <button type="submit" safe>
          {say(l, b('Sampaikan tautan dataset', 'Deliver the dataset link'))}
        </button>
      </Post>,
    );
  if (o.canHandle && (d.step === 'check_availability' || d.step === 'contact_agency'))
    forms.push(
      <Post ctx={ctx} id={d.id} verb="route">
        <label for="agency" safe>
          {say(
            l,
            b(
              'Belum tersedia: teruskan ke perangkat daerah pengampu data',
              'Not at hand: pass to the agency that holds the data',
            ),
          )}
        </label>
        <select id="agency" name="agency_id" required>
          {o.agencies.map((a) => (
            <option value={a.id} safe>
              {a.name}
            </option>
          ))}
        </select>
        <button type="submit" safe>
          {say(l, b('Teruskan', 'Route'))}
        </button>
      </Post>,
    );
  if (o.canRespond && d.step === 'agency_confirms') {
    forms.push(
      <Post ctx={ctx} id={d.id} verb="respond" multipart>
        <input type="hidden" name="available" value="true" />
        <label for="upload" safe>
          {say(l, b('Data tersedia: unggah berkasnya', 'Available: upload the file'))}
        </label>
        <input id="upload" name="upload" type="file" required />
        <NoteField ctx={ctx} />
        <button type="submit" safe>
          {say(l, b('Kirim data', 'Send the data'))}
        </button>
      </Post>,
    );
    forms.push(
      <Post ctx={ctx} id={d.id} verb="respond-none">
        <input type="hidden" name="available" value="false" />
        <p safe>{say(l, b('Data tidak tersedia', 'Data not available'))}</p>
        <ReasonSelect ctx={ctx} />
        <NoteField ctx={ctx} />
        <button type="submit" safe>
          {say(l, b('Konfirmasi tidak tersedia', 'Confirm not available'))}
        </button>
      </Post>,
    );
  }
  if (o.canHandle && (d.step === 'hand_to_staff' || d.step === 'deliver_result'))
    forms.push(
      <Post ctx={ctx} id={d.id} verb="deliver">
        <p safe>
          {say(
            l,
            d.hasAgencyFile
              ? b('Berkas dari perangkat daerah siap disampaikan.', 'The agency’s file is ready to deliver.')
              : b(
                  'Dataset dari perangkat daerah siap disampaikan.',
                  'The agency’s dataset is ready to deliver.',
                ),
          )}
        </p>
        <NoteField ctx={ctx} />
        <button type="submit" safe>
          {say(l, b('Sampaikan kepada pemohon', 'Deliver to the requester'))}
        </button>
      </Post>,
    );
  if (o.canHandle && d.step === 'confirm_closure')
    forms.push(
      <Post ctx={ctx} id={d.id} verb="close">
        <ReasonSelect ctx={ctx} selected={d.proposedOutcome} />
        <label for="legal_ground" safe>
          {say(l, b('Dasar hukum (wajib untuk pengecualian)', 'Legal ground (required for an exemption)'))}
        </label>
        <input id="legal_ground" name="legal_ground" maxlength="500" />
        <NoteField ctx={ctx} required />
        <button type="submit" safe>
          {say(l, b('Tutup: data tidak tersedia', 'Close: data not available'))}
        </button>
      </Post>,
    );
  if (o.canHandle && d.state === 'open' && !d.extension)
    forms.push(
      <Post ctx={ctx} id={d.id} verb="extend">
        <label for="ext-reason" safe>
          {say(
            l,
            b(
              'Perpanjang 7 hari kerja — alasan (ditampilkan kepada pemohon)',
              'Extend by 7 working days — reason (shown to the requester)',
            ),
          )}
        </label>
        <input id="ext-reason" name="reason" required maxlength="2000" />
        <button type="submit" safe>
          {say(l, b('Perpanjang', 'Extend'))}
        </button>
      </Post>,
    );
  if (o.canDecide && d.objection && !d.objection.answeredAt)
    forms.push(
      <Post ctx={ctx} id={d.id} verb="objection">
        <label for="decision" safe>
          {say(l, b('Keputusan atas keberatan', 'Decision on the objection'))}
        </label>
        <select id="decision" name="decision">
          <option value="upheld" safe>
            {say(l, b('Diterima', 'Upheld'))}
          </option>
          <option value="rejected" safe>
            {say(l, b('Ditolak', 'Rejected'))}
          </option>
        </select>
        <label for="answer" safe>
          {say(l, b('Jawaban', 'Answer'))}
        </label>
        <textarea id="answer" name="answer" required maxlength="4000" rows="3" />
        <button type="submit" safe>
          {say(l, b('Kirim jawaban', 'Send the answer'))}
        </button>
      </Post>,
    );
  return <>{forms}</>;
}

/** One request for staff: what was asked, who asked (handlers only), the clock, the step's forms. */
const ALERT_TEXT = {
  answer: {
    reminder: b('Pengingat batas waktu jawaban', 'Answer due-date reminder'),
    escalation: b('Eskalasi: jawaban terlambat', 'Escalation: answer overdue'),
  },
  objection: {
    reminder: b('Pengingat batas jawaban keberatan', 'Objection due-date reminder'),
    escalation: b('Eskalasi: keberatan terlambat', 'Escalation: objection overdue'),
  },
} as const;

/** What the sweep sent on this request's legal clocks, so staff see who was told and when. */
function LegalAlerts({ ctx, alerts }: { ctx: PageContext; alerts: StaffDetail['alerts'] }) {
  const l = ctx.locale;
  if (alerts.length === 0) return '';
  return (
    <section id="legal-alerts">
      <h2 safe>{say(l, b('Pengingat dan eskalasi', 'Reminders and escalations'))}</h2>
      <ul>
        {alerts.map((a) => (
          <li data-kind={a.kind} safe>
            {`${when(l, a.sentAt, ctx.timeZone)}: ${say(l, ALERT_TEXT[a.clock][a.kind])} (${say(l, b('batas', 'due'))} ${when(l, a.dueAt, ctx.timeZone)}; ${a.recipients} ${say(l, b('penerima', 'recipients'))})`}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function StaffDetailPage({
  ctx,
  d,
  o,
  errors,
}: {
  ctx: PageContext;
  d: StaffDetail;
  o: StaffOptions;
  errors?: Record<string, string[]> | undefined;
}) {
  const l = ctx.locale;
  const title = `${say(l, b('Permintaan data', 'Data request'))} ${d.code}`;
  return (
    <Layout ctx={ctx} title={title}>
      <h1 safe>{title}</h1>
      <FormErrors ctx={ctx} errors={errors} />
      <p>
        <strong safe>{say(l, b('Status', 'Status'))}</strong>:{' '}
        <span id="staff-state" safe>
          {say(l, STATE_TEXT[d.state] ?? b(d.state, d.state))}
        </span>
        {d.holder ? <span safe>{` · ${say(l, d.holder)}`}</span> : ''}
      </p>
      <dl class="meta">
        <dt safe>{say(l, b('Data yang diminta', 'Data asked for'))}</dt>
        <dd safe>{d.asked}</dd>
        <dt safe>{say(l, b('Tujuan', 'Purpose'))}</dt>
        <dd safe>{d.purpose}</dd>
        <dt safe>{say(l, b('Wilayah / periode / format', 'Region / period / format'))}</dt>
        <dd safe>{[d.region, d.period, d.format].map((x) => x ?? '—').join(' / ')}</dd>
        {d.requester ? (
          <>
            <dt safe>{say(l, b('Pemohon', 'Requester'))}</dt>
            <dd safe>
              {[d.requester.name, d.requester.email, d.requester.phone, d.requester.organisation]
                .filter(Boolean)
                .join(' · ')}
            </dd>
          </>
        ) : (
          ''
        )}
      </dl>
      {d.due ? (
        <DueExplained ctx={ctx} due={d.due} label={say(l, b('Batas waktu jawaban', 'Answer due by'))} />
      ) : (
        ''
      )}
      <LegalAlerts ctx={ctx} alerts={d.alerts} />
      {d.objection ? (
        <div>
          <h2 safe>{say(l, b('Keberatan', 'Objection'))}</h2>
          <p safe>{d.objection.reason ?? ''}</p>
          <DueExplained
            ctx={ctx}
            due={d.objection.due}
            label={say(l, b('Batas jawaban keberatan', 'Objection answer due by'))}
          />
          {d.objection.answer ? <p safe>{d.objection.answer}</p> : ''}
        </div>
      ) : (
        ''
      )}
      {d.hasAgencyFile ? (
        <p>
          <a href={`/kerja/permintaan-data/${d.id}/berkas`} safe>
            {say(l, b('Berkas dari perangkat daerah', 'The agency’s file'))}
          </a>
        </p>
      ) : (
        ''
      )}
      <StepForms ctx={ctx} d={d} o={o} />
      <h2 safe>{say(l, b('Langkah', 'Steps'))}</h2>
      <ol class="steps">
        {d.steps.map((s) => (
          <li>
            <span safe>{say(l, s.title)}</span> — <span safe>{say(l, s.unit)}</span>{' '}
            <small safe>
              {s.done ? `✓ ${when(l, s.at, ctx.timeZone)}` : say(l, b('sedang berjalan', 'in progress'))}
            </small>
          </li>
        ))}
      </ol>
    </Layout>
  );
}
