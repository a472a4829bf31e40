import type { PageContext } from '../../../kernel/http/page-context.js';
import type { PublicationView } from '../publication.repository.js';
import { type DtKey, dt } from './dissemination.messages.js';

/** What the dissemination pages share: their messages, form errors and fields, a publication's state. */

export type M = (key: DtKey, params?: Record<string, string | number>) => string;
export const msg =
  (ctx: PageContext): M =>
  (key, params) =>
    dt(ctx.locale, key, params);

export type FormValues = Record<string, string>;
export type FormErrors = Record<string, string[]>;

export function Errors({ m, errors }: { m: M; errors?: FormErrors | undefined }) {
  if (!errors || Object.keys(errors).length === 0) return '';
  return (
    <div class="form-errors" role="alert" id="form-errors">
      <p safe>{m('pub.errors')}</p>
      <ul>
        {Object.entries(errors).flatMap(([field, list]) =>
          list.map((e) => (
            <li data-field={field} safe>
              {e}
            </li>
          )),
        )}
      </ul>
    </div>
  );
}

export function Field(props: {
  id: string;
  label: string;
  value?: string | undefined;
  multiline?: boolean;
  required?: boolean;
}) {
  return (
    <p>
      <label for={props.id} safe>
        {props.label}
      </label>
      {props.multiline ? (
        <textarea id={props.id} name={props.id} rows="5" safe>
          {props.value ?? ''}
        </textarea>
      ) : (
        <input id={props.id} name={props.id} value={props.value ?? ''} required={props.required} />
      )}
    </p>
  );
}

export function Select(props: {
  id: string;
  label: string;
  value?: string | undefined;
  options: [string, string][];
}) {
  return (
    <p>
      <label for={props.id} safe>
        {props.label}
      </label>
      <select id={props.id} name={props.id}>
        {props.options.map(([v, l]) => (
          <option value={v} selected={v === (props.value ?? '')} safe>
            {l}
          </option>
        ))}
      </select>
    </p>
  );
}

export const stateOf = (p: PublicationView) =>
  p.published_at ? 'published' : p.instance_id ? 'in_review' : 'draft';
export const pick = (ctx: PageContext, idText: string, enText: string) =>
  ctx.locale === 'en' && enText ? enText : idText;
