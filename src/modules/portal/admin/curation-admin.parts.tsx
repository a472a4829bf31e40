import type { Children } from '@kitajs/html';
import { CsrfField } from '../../../kernel/http/layout.js';
import type { PageContext } from '../../../kernel/http/page-context.js';
import { curationText } from '../curation.messages.js';

/**
 * The pieces the curation admin pages repeat: labelled inputs with their hints, the save button,
 * the delete form, a titled section and a list of curated links with "none" and "add".
 */

const c = (ctx: PageContext, key: Parameters<typeof curationText>[1], p: Record<string, string> = {}) =>
  curationText(ctx.locale, key, p);

/** A field's hint, tied to the field by `aria-describedby` (`${id}-hint`). */
function Hint({ id, hint }: { id: string; hint?: string | undefined }) {
  return hint ? (
    <small id={`${id}-hint`} safe>
      {hint}
    </small>
  ) : (
    ''
  );
}

export function Field({
  id,
  label,
  value,
  hint,
}: {
  id: string;
  label: string;
  value: string;
  hint?: string;
}) {
  return (
    <p>
      <label for={id} safe>
        {label}
      </label>
      <input id={id} name={id} value={value} aria-describedby={hint ? `${id}-hint` : undefined} />
      <Hint id={id} hint={hint} />
    </p>
  );
}

export function Area({
  id,
  label,
  value,
  rows = 4,
  hint,
}: {
  id: string;
  label: string;
  value: string;
  rows?: number;
  hint?: string;
}) {
  return (
    <p>
      <label for={id} safe>
        {label}
      </label>
      <textarea id={id} name={id} rows={String(rows)} aria-describedby={hint ? `${id}-hint` : undefined} safe>
        {value}
      </textarea>
      <Hint id={id} hint={hint} />
    </p>
  );
}

/** The save button every curation form ends with. */
export function SaveButton({ ctx }: { ctx: PageContext }) {
  return (
    <button type="submit" safe>
      {c(ctx, 'admin.save')}
    </button>
  );
}

/** A separate form that deletes what the page edits (its own CSRF token, a danger button). */
export function DeleteForm({ ctx, action }: { ctx: PageContext; action: string }) {
  return (
    <form method="post" action={action}>
      <CsrfField ctx={ctx} />
      <button type="submit" class="danger" safe>
        {c(ctx, 'admin.delete')}
      </button>
    </form>
  );
}

/** A section of the curation home: its heading (`${id}-h`) and content. */
export function AdminSection({ id, title, children }: { id: string; title: string; children: Children }) {
  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} safe>
        {title}
      </h2>
      {children}
    </section>
  );
}

/** Links to what is curated, each with a small note, or "none"; then the link to add one. */
export function CuratedLinks({
  ctx,
  items,
  newHref,
  newLabel,
}: {
  ctx: PageContext;
  items: { href: string; title: string; note: string }[];
  newHref: string;
  newLabel: string;
}) {
  return (
    <>
      {items.length ? (
        <ul>
          {items.map((k) => (
            <li>
              <a href={k.href} safe>
                {k.title}
              </a>{' '}
              <small safe>{k.note}</small>
            </li>
          ))}
        </ul>
      ) : (
        <p safe>{c(ctx, 'admin.none')}</p>
      )}
      <a href={newHref} safe>
        {newLabel}
      </a>
    </>
  );
}

export function Check({ id, label, checked }: { id: string; label: string; checked: boolean }) {
  return (
    <p>
      <input type="checkbox" id={id} name={id} value="true" checked={checked} />{' '}
      <label for={id} safe>
        {label}
      </label>
    </p>
  );
}
