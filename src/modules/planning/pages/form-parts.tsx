import type { Children } from '@kitajs/html';
import { CsrfField } from '../../../kernel/http/layout.js';
import type { PageContext } from '../../../kernel/http/page-context.js';

/** Form and table parts the planning pages share: a labelled field above its input, a row form. */

/** A labelled text input (`value` left out when undefined, so an empty form shows no value). */
export function Field({
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
      <input id={`f-${name}`} name={name} type={type ?? 'text'} value={value} required={required ?? false} />
    </p>
  );
}

/** A labelled file input. */
export function FileField({
  label,
  id,
  name,
  accept,
}: {
  label: string;
  id: string;
  name: string;
  accept: string;
}) {
  return (
    <p>
      <label safe for={id}>
        {label}
      </label>
      <br />
      <input id={id} type="file" name={name} accept={accept} />
    </p>
  );
}

export function Select({
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

export function TextArea({
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
export function Head({ cols }: { cols: string[] }) {
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
export function InlineForm({
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
