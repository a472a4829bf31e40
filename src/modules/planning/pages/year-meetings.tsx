import { CsrfField } from '../../../kernel/http/layout.js';
import type { PageContext } from '../../../kernel/http/page-context.js';
import { Field, FileField, Select, TextArea } from './form-parts.js';
import { pm } from './planning.messages.js';
import type { M, YearView } from './year-view.js';

/** The year's Forum Satu Data meetings and the form for a new one. */
export function ForumSection({ ctx, view }: { ctx: PageContext; view: YearView }) {
  const m: M = (k, p) => pm(ctx.locale, k, p);
  const { year, list } = view;
  const manage = ctx.can('data_list:manage');
  const enacted = list?.status === 'enacted';
  const base = `/workspace/daftar-data/${year}`;
  const typed = view.typed ?? {};
  return (
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
          <Field label={m('p.meetingTitle')} name="title" value={typed.title ?? ''} required />
          <Field label={m('p.heldOn')} name="held_on" type="date" value={typed.held_on ?? ''} required />
          <Field label={m('p.place')} name="place" value={typed.place ?? ''} />
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
  );
}

/** The year's records (berita acara, draft decree), their generation and the enactment. */
export function RecordsSection({ ctx, view }: { ctx: PageContext; view: YearView }) {
  const m: M = (k, p) => pm(ctx.locale, k, p);
  const { year, list } = view;
  const manage = ctx.can('data_list:manage');
  const enacted = list?.status === 'enacted';
  const base = `/workspace/daftar-data/${year}`;
  const typed = view.typed ?? {};
  return (
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
          <Field
            label={m('p.decreeNumber')}
            name="decree_number"
            value={typed.decree_number ?? ''}
            required
          />
          <FileField label={m('p.decreeScan')} id="f-upload" name="upload" accept=".pdf,image/*" />
          <button type="submit" safe>
            {m('p.enact')}
          </button>
        </form>
      ) : (
        ''
      )}
    </section>
  );
}
