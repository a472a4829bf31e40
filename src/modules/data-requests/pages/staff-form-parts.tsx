import type { Children } from '@kitajs/html';
import { CsrfField } from '../../../kernel/http/layout.js';
import type { PageContext } from '../../../kernel/http/page-context.js';
import { b, say } from './text.js';

/** Parts of the staff forms on a request: the form itself, the reason to close, the note. */

export function Post({
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

export function ReasonSelect({ ctx, selected }: { ctx: PageContext; selected?: string | null }) {
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

export function NoteField({ ctx, required }: { ctx: PageContext; required?: boolean }) {
  return (
    <>
      <label for="note" safe>
        {say(ctx.locale, b('Catatan untuk pemohon', 'Note to the requester'))}
      </label>
      <textarea id="note" name="note" maxlength="4000" rows="2" required={required} />
    </>
  );
}
