import { CsrfField } from '../../../kernel/http/layout.js';
import type { PageContext } from '../../../kernel/http/page-context.js';
import { defineMessages, pick } from '../../../kernel/i18n/i18n.js';
import { STARTABLE_KINDS } from '../actions/process-start.js';
import { PROCESS_KIND_LABELS } from '../domain/definition.js';

const id = {
  'start.title': 'Mulai proses SOP',
  'start.lead':
    'Untuk proses yang belum punya halaman sendiri (siklus daftar data, diseminasi infografis, permintaan data): langkah-langkahnya masuk ke kotak tugas para pelaksana dan dihitung dalam jam kerja.',
  'start.kind': 'Jenis proses',
  'start.subject': 'Judul (mis. "Daftar Data 2027")',
  'start.submit': 'Mulai',
};
const en: Record<keyof typeof id, string> = {
  'start.title': 'Start an SOP process',
  'start.lead':
    'For processes without a page of their own yet (data-list cycle, infographic dissemination, data requests): their steps reach the actors’ inboxes and are timed in working hours.',
  'start.kind': 'Process kind',
  'start.subject': 'Title (e.g. "Data list 2027")',
  'start.submit': 'Start',
};
const sm = defineMessages({ id, en });

/** The inbox's form to start a hand-started process (workflow_process_start); shown to who may. */
export function ProcessStartForm({ ctx }: { ctx: PageContext }) {
  if (!ctx.can('workflow:start')) return '';
  const s = (k: keyof typeof id) => sm(ctx.locale, k);
  return (
    <section aria-labelledby="start-title">
      <h2 safe id="start-title">
        {s('start.title')}
      </h2>
      <p safe class="hint">
        {s('start.lead')}
      </p>
      <form method="post" action="/tugas/start" class="stack">
        <CsrfField ctx={ctx} />
        <label safe for="process_kind">
          {s('start.kind')}
        </label>
        <select id="process_kind" name="process_kind">
          {STARTABLE_KINDS.map((k) => (
            <option value={k} safe>
              {pick(ctx.locale, PROCESS_KIND_LABELS[k])}
            </option>
          ))}
        </select>
        <label safe for="process_title">
          {s('start.subject')}
        </label>
        <input id="process_title" name="title" required minlength="3" maxlength="300" />
        <button safe type="submit">
          {s('start.submit')}
        </button>
      </form>
    </section>
  );
}
