import type { PageContext } from '../../../kernel/http/page-context.js';
import { wft } from './workflow-admin.messages.js';

/** The holiday table's decree reference: the SKB a cuti bersama rests on, editable per row. */
export function DecreeInput({
  ctx,
  form,
  date,
  value,
}: {
  ctx: PageContext;
  form: string;
  date: string;
  value: string | null;
}) {
  return (
    <input
      form={form}
      name="decree"
      value={value ?? ''}
      aria-label={`${wft(ctx.locale, 'cal.decree')} ${date}`}
    />
  );
}

/** The decree field of the "add a holiday" form. */
export function NewDecreeField({ ctx }: { ctx: PageContext }) {
  return (
    <p>
      <label safe for="new-decree">
        {wft(ctx.locale, 'cal.decree')}
      </label>
      <input id="new-decree" name="decree" />
    </p>
  );
}

/** Put one year's national holidays (and decreed cuti bersama) into the list, to edit them. */
export function HolidayYearForm({ ctx }: { ctx: PageContext }) {
  const c = (k: Parameters<typeof wft>[1]) => wft(ctx.locale, k);
  return (
    <form method="post" action="/admin/calendar/holiday-years">
      <h3 safe>{c('cal.seedYear')}</h3>
      <p safe>{c('cal.seedYear.lead')}</p>
      <input type="hidden" name="_csrf" value={ctx.csrfToken} />
      <p>
        <label safe for="seed-year">
          {c('cal.year')}
        </label>
        <input type="number" id="seed-year" name="year" min="2000" max="2100" required />{' '}
        <button safe type="submit">
          {c('cal.seedYear.button')}
        </button>
      </p>
    </form>
  );
}
