import { CsrfField, FormErrors, Layout } from '../../../kernel/http/layout.js';
import type { PageContext } from '../../../kernel/http/page-context.js';
import type { EpssStructure } from '../domain/epss.js';
import { w } from './page-parts.js';

export interface StructurePageView {
  structure: EpssStructure;
  errors?: Record<string, string[]>;
  /** What was typed (field name → value) when a save was refused. */
  typed?: Record<string, string>;
}

/** The administrator's form over the whole EPSS structure: one row per domain, aspect, indicator. */
export function StructurePage({ ctx, view }: { ctx: PageContext; view: StructurePageView }) {
  const t = w(ctx);
  const typed = view.typed ?? {};
  const rows: { level: string; code: string; name: { id: string; en: string }; weight: number | null }[] = [];
  for (const d of view.structure) {
    rows.push({ level: 'domain', code: d.code, name: d.name, weight: d.weight });
    for (const a of d.aspects) {
      rows.push({ level: 'aspect', code: a.code, name: a.name, weight: a.weight });
      for (const x of a.indicators)
        rows.push({ level: 'indicator', code: x.code, name: x.name, weight: x.weight });
    }
  }
  const value = (field: string, stored: string) => typed[field] ?? stored;
  return (
    <Layout ctx={ctx} title={t('str.title')}>
      <h1 safe>{t('str.title')}</h1>
      <p safe>{t('str.intro')}</p>
      <FormErrors
        ctx={ctx}
        errors={view.errors}
        labels={{
          weight: t('str.weight'),
          remove: t('str.remove'),
          code: t('str.code'),
          name_id: t('str.nameId'),
          name_en: t('str.nameEn'),
        }}
      />
      <form method="post" action="/evaluasi/epss/struktur" id="structure-form">
        <CsrfField ctx={ctx} />
        <div class="table-wrap" tabindex="0">
          <table class="epss-structure">
            <thead>
              <tr>
                <th scope="col" safe>
                  {t('str.code')}
                </th>
                <th scope="col" safe>
                  {t('str.nameId')}
                </th>
                <th scope="col" safe>
                  {t('str.nameEn')}
                </th>
                <th scope="col" safe>
                  {t('str.weight')}
                </th>
                <th scope="col" safe>
                  {t('str.remove')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const key = `${r.level}-${r.code}`;
                return (
                  <tr id={`s-${key}`}>
                    <th scope="row" safe>
                      {r.code}
                    </th>
                    <td>
                      <input
                        name={`n-${key}`}
                        aria-label={`${t('str.nameId')} ${r.code}`}
                        value={value(`n-${key}`, r.name.id)}
                      />
                    </td>
                    <td>
                      <input
                        name={`e-${key}`}
                        aria-label={`${t('str.nameEn')} ${r.code}`}
                        value={value(`e-${key}`, r.name.en)}
                      />
                    </td>
                    <td>
                      <input
                        name={`w-${key}`}
                        type="number"
                        min="0"
                        max="100"
                        step="any"
                        aria-label={`${t('str.weight')} ${r.code}`}
                        value={value(`w-${key}`, r.weight === null ? '' : String(r.weight))}
                      />
                    </td>
                    <td>
                      {r.level === 'indicator' ? (
                        <input
                          type="checkbox"
                          name={`x-${key}`}
                          value="1"
                          aria-label={`${t('str.remove')} ${r.code}`}
                          checked={typed[`x-${key}`] === '1'}
                        />
                      ) : (
                        ''
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <fieldset id="add-indicator">
          <legend safe>{t('str.add')}</legend>
          <label>
            <span safe>{t('str.addAspect')}</span>
            <select name="add-aspect">
              <option value="" safe>
                {t('str.addNone')}
              </option>
              {view.structure.flatMap((d) =>
                d.aspects.map((a) => (
                  <option value={a.code} selected={typed['add-aspect'] === a.code} safe>
                    {`${a.code} ${a.name[ctx.locale]}`}
                  </option>
                )),
              )}
            </select>
          </label>
          <label>
            <span safe>{t('str.code')}</span>
            <input name="add-code" inputmode="numeric" pattern="[0-9]{5}" value={typed['add-code'] ?? ''} />
          </label>
          <label>
            <span safe>{t('str.nameId')}</span>
            <input name="add-name_id" value={typed['add-name_id'] ?? ''} />
          </label>
          <label>
            <span safe>{t('str.nameEn')}</span>
            <input name="add-name_en" value={typed['add-name_en'] ?? ''} />
          </label>
          <label>
            <span safe>{t('str.weight')}</span>
            <input
              name="add-weight"
              type="number"
              min="0"
              max="100"
              step="any"
              value={typed['add-weight'] ?? ''}
            />
          </label>
        </fieldset>
        <button type="submit" safe>
          {t('str.save')}
        </button>
      </form>
    </Layout>
  );
}
