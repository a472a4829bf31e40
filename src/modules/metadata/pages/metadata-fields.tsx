import { type Children, escapeHtml } from '@kitajs/html';
import type { Locale } from '../../../kernel/i18n/i18n.js';
import type { FormDefinition, FormField } from '../domain/form.js';
import { displayValue, type FormValues } from '../domain/form-values.js';
import { mt } from './metadata.messages.js';

/** One field's control, named `<prefix><key>` so one page can hold several forms' fields. */
function Control({
  f,
  id,
  value,
  locale,
}: {
  f: FormField;
  id: string;
  value: string | string[] | undefined;
  locale: Locale;
}) {
  const help = f.help[locale] ? `${id}-help` : undefined;
  const text = Array.isArray(value) ? value.join('\n') : (value ?? '');
  switch (f.kind) {
    case 'textarea':
    case 'list':
      return (
        <textarea id={id} name={id} rows={f.kind === 'list' ? '4' : '3'} aria-describedby={help} safe>
          {text}
        </textarea>
      );
    case 'choice':
      return (
        <select id={id} name={id} aria-describedby={help}>
          <option safe value="">
            {mt(locale, 'meta.choose')}
          </option>
          {(f.choices ?? []).map((c) => (
            <option value={c.code} selected={c.code === value} safe>
              {c[locale]}
            </option>
          ))}
        </select>
      );
    case 'multi':
      return (
        <span class="checks">
          {(f.choices ?? []).map((c) => (
            <label class="check">
              <input
                type="checkbox"
                name={id}
                value={c.code}
                checked={Array.isArray(value) && value.includes(c.code)}
              />{' '}
              <span safe>{c[locale]}</span>
            </label>
          ))}
        </span>
      );
    default: {
      const type = f.kind === 'date' ? 'date' : f.kind === 'email' ? 'email' : 'text';
      const mode = f.kind === 'number' || f.kind === 'year' ? 'numeric' : undefined;
      return <input id={id} name={id} type={type} inputmode={mode} value={text} aria-describedby={help} />;
    }
  }
}

function Label({ f, locale }: { f: FormField; locale: Locale }) {
  const other = locale === 'id' ? f.label.en : f.label.id;
  return (
    <>
      {f.no ? escapeHtml(`${f.no} `) : ''}
      <span safe>{f.label[locale]}</span>
      {f.required ? (
        <>
          {' '}
          <abbr title={mt(locale, 'meta.required')}>*</abbr>
        </>
      ) : (
        ''
      )}{' '}
      <span class="hint" lang={locale === 'id' ? 'en' : 'id'} safe>
        ({other})
      </span>
    </>
  );
}

/** One field: label (BPS wording, the other language, required mark), control, help text. */
export function FormFieldRow({
  f,
  prefix,
  values,
  locale,
}: {
  f: FormField;
  prefix: string;
  values: FormValues;
  locale: Locale;
}) {
  const id = `${prefix}${f.key}`;
  if (f.source !== 'stored')
    return (
      <div class="stack">
        <span>
          <Label f={f} locale={locale} />
        </span>
        <output id={id} safe>
          {displayValue(f, values[f.key], locale) || '—'}
        </output>
        <small safe>
          {mt(locale, f.source === 'table_schema' ? 'meta.fromSchema' : 'meta.fromActivity')}
        </small>
      </div>
    );
  const group = f.kind === 'multi';
  const help = [f.help[locale], f.kind === 'list' ? mt(locale, 'meta.listHelp') : '']
    .filter(Boolean)
    .join(' ');
  const body = (
    <>
      <Control f={f} id={id} value={values[f.key]} locale={locale} />
      {help ? (
        <small id={`${id}-help`} safe>
          {help}
        </small>
      ) : (
        ''
      )}
    </>
  );
  return group ? (
    <fieldset class="stack">
      <legend>
        <Label f={f} locale={locale} />
      </legend>
      {body}
    </fieldset>
  ) : (
    <div class="stack">
      <label for={id}>
        <Label f={f} locale={locale} />
      </label>
      {body}
    </div>
  );
}

/** Every block of a form as a fieldset with BPS's block heading, fields in BPS's order. */
export function FormBlocks({
  def,
  prefix,
  values,
  locale,
  children,
}: {
  def: FormDefinition;
  prefix: string;
  values: FormValues;
  locale: Locale;
  children?: Children;
}) {
  return (
    <>
      {def.blocks.map((b, i) => (
        <fieldset class="stack">
          <legend safe>{b.no ? `${b.no}. ${b.label[locale]}` : b.label[locale]}</legend>
          {i === 0 ? children : ''}
          {def.fields
            .filter((f) => f.block === b.key)
            .map((f) => (
              <FormFieldRow f={f} prefix={prefix} values={values} locale={locale} />
            ))}
        </fieldset>
      ))}
    </>
  );
}

/** Form posts → answers: `<prefix><key>` fields, lists and checkboxes as arrays. */
export function answersFromBody(
  def: FormDefinition,
  body: Record<string, unknown>,
  prefix: string,
): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const f of def.fields) {
    if (f.source !== 'stored') continue;
    const v = body[`${prefix}${f.key}`];
    if (v === undefined) continue;
    out[f.key] = Array.isArray(v) ? v.map(String) : String(v);
  }
  return out;
}
