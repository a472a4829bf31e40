import { FormErrors, Layout } from '../../../kernel/http/layout.js';
import type { PageContext } from '../../../kernel/http/page-context.js';
import type { StaffDetail, StaffOptions } from './staff-detail.view.js';
import { StepForms } from './staff-step-forms.js';
import { DueExplained } from './status.page.js';
import { b, STATE_TEXT, say, when } from './text.js';

/** The name of each alert the sweep sends, per legal clock. */
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

/** One request for staff: what was asked, who asked (handlers only), the clock, the step's forms. */
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
