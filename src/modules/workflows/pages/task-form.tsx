import { CsrfField } from '../../../kernel/http/layout.js';
import type { PageContext } from '../../../kernel/http/page-context.js';
import { pick } from '../../../kernel/i18n/i18n.js';
import type { InboxEntry } from '../inbox.js';
import type { ChoiceOptions } from '../task-form-options.js';
import { rm } from './run.messages.js';
import { wm } from './workflow.messages.js';

/** What the user typed in a refused form, given back so nothing is lost. */
export interface TypedValues {
  taskId: string;
  note: string;
  agencyId?: string;
  agencyIds?: string[];
  assigneeId?: string;
}

function Choice({
  ctx,
  e,
  options,
  typed,
}: {
  ctx: PageContext;
  e: InboxEntry;
  options: ChoiceOptions;
  typed?: TypedValues | undefined;
}) {
  const r = (k: Parameters<typeof rm>[1]) => rm(ctx.locale, k);
  const fid = `choice-${e.taskId}`;
  if (e.step.chooses === 'agencies')
    return (
      <fieldset>
        <legend safe>{r('form.chooseAgencies')}</legend>
        {options.agencies.map((a) => (
          <label class="check">
            <input
              type="checkbox"
              name="agency_ids[]"
              value={a.id}
              checked={typed?.agencyIds?.includes(a.id) ?? false}
            />{' '}
            <span safe>{a.name}</span>
          </label>
        ))}
      </fieldset>
    );
  const agency = e.step.chooses === 'agency';
  const list = agency ? options.agencies : (options.people.get(e.taskId) ?? []);
  const chosen = agency ? typed?.agencyId : typed?.assigneeId;
  return (
    <>
      <label safe for={fid}>
        {agency ? r('form.chooseAgency') : r('form.choosePerson')}
      </label>
      <select id={fid} name={agency ? 'agency_id' : 'assignee_id'}>
        <option value="" safe>
          {r('form.pick')}
        </option>
        {list.map((o) => (
          <option value={o.id} selected={o.id === chosen} safe>
            {o.name}
          </option>
        ))}
      </select>
    </>
  );
}

/**
 * A generic step's form: one file field per declared document (required or optional), more
 * files, the choice a disposing step makes, a note, and one button per outcome. A refused
 * submission comes back with what was typed.
 */
export function TaskForm({
  ctx,
  e,
  options,
  typed,
}: {
  ctx: PageContext;
  e: InboxEntry;
  options: ChoiceOptions;
  typed?: TypedValues | undefined;
}) {
  const w = (k: Parameters<typeof wm>[1]) => wm(ctx.locale, k);
  const r = (k: Parameters<typeof rm>[1]) => rm(ctx.locale, k);
  const field = `note-${e.taskId}`;
  const mine = typed?.taskId === e.taskId ? typed : undefined;
  const lane = e.taskAgencyId ? options.agencyNames.get(e.taskAgencyId) : undefined;
  return (
    <form method="post" action={`/tugas/${e.taskId}`} enctype="multipart/form-data" class="stack">
      <CsrfField ctx={ctx} />
      {lane ? (
        <p class="hint" safe>
          {rm(ctx.locale, 'form.forAgency', { agency: lane })}
        </p>
      ) : (
        ''
      )}
      {e.step.chooses ? <Choice ctx={ctx} e={e} options={options} typed={mine} /> : ''}
      <label safe for={field}>
        {w('tasks.note')}
      </label>
      <textarea id={field} name="note" rows="2" safe>
        {mine?.note ?? ''}
      </textarea>
      {(e.step.requirements ?? []).map((req, i) =>
        req.kind === 'document' ? (
          <>
            <label safe for={`file-${e.taskId}-${i}`}>
              {`${pick(ctx.locale, req.title)} (${req.required ? r('form.required') : r('form.optional')})`}
            </label>
            <input id={`file-${e.taskId}-${i}`} name={`upload_${i}`} type="file" />
          </>
        ) : (
          ''
        ),
      )}
      <label safe for={`file-${e.taskId}`}>
        {e.step.requirements?.length ? r('form.files') : w('tasks.attachment')}
      </label>
      <input id={`file-${e.taskId}`} name="uploads" type="file" multiple />
      <p>
        {e.transitions.map((t) => (
          <button type="submit" name="outcome" value={t.outcome} safe>
            {pick(ctx.locale, t.label)}
          </button>
        ))}
        <a safe href={`/tugas/runs/${e.instanceId}`}>
          {r('form.history')}
        </a>
      </p>
    </form>
  );
}
