import { CsrfField, FormErrors, Layout } from '../../../kernel/http/layout.js';
import type { PageContext } from '../../../kernel/http/page-context.js';
import { w } from './page-parts.js';

/** One of the year's evaluation coordination meetings (planning's forum_meeting, purpose `evaluation`). */
export interface EvaluationMeetingView {
  id: string;
  title: string;
  heldOn: string;
  hasMinutes: boolean;
}

export interface MeetingFormState {
  errors?: Record<string, string[]> | undefined;
  typed?: Record<string, string> | undefined;
}

/**
 * The yearly evaluation's coordination meeting (issue #16, Jember step 21): listed on the
 * evaluation page, recorded like a forum meeting — its page, minutes and attendance are the
 * forum meeting's (/workspace/forum/:id).
 */
export function MeetingsSection(props: {
  ctx: PageContext;
  year: number;
  meetings: EvaluationMeetingView[];
  mayCreate: boolean;
  form?: MeetingFormState;
}) {
  const { ctx, year, meetings } = props;
  const t = w(ctx);
  return (
    <section aria-labelledby="h-rapat">
      <h2 id="h-rapat" safe>
        {t('meet.title')}
      </h2>
      <p safe>{t('meet.intro')}</p>
      {meetings.length === 0 ? (
        <p safe>{t('meet.none')}</p>
      ) : (
        <ul id="evaluation-meetings">
          {meetings.map((m) => (
            <li>
              <a safe href={`/workspace/forum/${m.id}`}>
                {`${m.title} (${m.heldOn})`}
              </a>{' '}
              <small safe>{m.hasMinutes ? t('meet.minutesYes') : t('meet.minutesNo')}</small>
            </li>
          ))}
        </ul>
      )}
      {props.mayCreate ? <MeetingForm ctx={ctx} year={year} form={props.form ?? {}} /> : ''}
    </section>
  );
}

function MeetingForm({ ctx, year, form }: { ctx: PageContext; year: number; form: MeetingFormState }) {
  const t = w(ctx);
  const typed = form.typed ?? {};
  const input = (name: string, label: string, type = 'text', required = false, dflt = '') => (
    <p>
      <label for={`meet-${name}`} safe>
        {label}
      </label>
      <input id={`meet-${name}`} name={name} type={type} value={typed[name] ?? dflt} required={required} />
    </p>
  );
  return (
    <form method="post" action={`/evaluasi/rapat?tahun=${year}`}>
      <CsrfField ctx={ctx} />
      <h3 safe>{t('meet.new')}</h3>
      <FormErrors ctx={ctx} errors={form.errors} />
      {input('title', t('meet.name'), 'text', true, t('meet.defaultTitle', { year }))}
      {input('held_on', t('meet.date'), 'date', true)}
      {input('place', t('meet.place'))}
      <p>
        <label for="meet-agenda" safe>
          {t('meet.agenda')}
        </label>
        <textarea id="meet-agenda" name="agenda" rows="3" safe>
          {typed.agenda ?? ''}
        </textarea>
      </p>
      <p>
        <label for="meet-invitees" safe>
          {t('meet.invitees')}
        </label>
        <textarea id="meet-invitees" name="invitees" rows="4" safe>
          {typed.invitees ?? 'BPS\nBappeda'}
        </textarea>
      </p>
      <button type="submit" safe>
        {t('meet.save')}
      </button>
    </form>
  );
}

/** A refused meeting form, shown again with what was typed and why. */
export function MeetingFormPage(props: { ctx: PageContext; year: number; form: MeetingFormState }) {
  const t = w(props.ctx);
  return (
    <Layout ctx={props.ctx} title={t('meet.new')}>
      <p>
        <a href={`/evaluasi?tahun=${props.year}#h-rapat`} safe>
          {t('perf.title', { year: props.year })}
        </a>
      </p>
      <h1 safe>{t('meet.new')}</h1>
      <MeetingForm ctx={props.ctx} year={props.year} form={props.form} />
    </Layout>
  );
}
