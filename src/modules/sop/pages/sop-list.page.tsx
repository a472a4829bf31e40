import { Layout } from '../../../kernel/http/layout.js';
import type { PageContext } from '../../../kernel/http/page-context.js';
import { pick } from '../../../kernel/i18n/i18n.js';
import type { SopInForce } from '../sops-in-force.js';
import { sopt } from './sop.messages.js';

/** The PDF address of an SOP document. */
export const sopPdfHref = (id: string) => `/sop/${encodeURIComponent(id)}.pdf`;

/** GET /sop — the region's SOPs in force with their number, effective date and document. */
export function SopListPage({ ctx, sops }: { ctx: PageContext; sops: SopInForce[] }) {
  const m = (key: Parameters<typeof sopt>[1], params?: Record<string, string | number>) =>
    sopt(ctx.locale, key, params);
  const title = m('sop.title');
  const since = (s: SopInForce) =>
    s.effectiveOn ?? (s.ratifiedOn ? m('sop.ratifiedOn', { date: s.ratifiedOn }) : m('sop.blank'));
  return (
    <Layout ctx={ctx} title={title}>
      <h1 safe>{title}</h1>
      <p class="lead" safe>
        {m('sop.lead', { region: ctx.site.regionName })}
      </p>
      {sops.length === 0 ? (
        <p safe>{m('sop.none')}</p>
      ) : (
        <table class="table" id="sop-list">
          <caption class="visually-hidden" safe>
            {m('sop.caption')}
          </caption>
          <thead>
            <tr>
              <th scope="col" safe>
                {m('sop.name')}
              </th>
              <th scope="col" safe>
                {m('sop.number')}
              </th>
              <th scope="col" safe>
                {m('sop.kind')}
              </th>
              <th scope="col" safe>
                {m('sop.effective')}
              </th>
              <th scope="col" safe>
                {m('sop.document')}
              </th>
            </tr>
          </thead>
          <tbody>
            {sops.map((s) => (
              <tr>
                <th scope="row">
                  <span safe>{s.name}</span> <small safe>({m('sop.version', { version: s.version })})</small>
                </th>
                <td safe>{s.number ?? m('sop.blank')}</td>
                <td safe>{pick(ctx.locale, s.kindLabel)}</td>
                <td safe>{since(s)}</td>
                <td>
                  <a
                    href={sopPdfHref(s.id)}
                    type="application/pdf"
                    aria-label={m('sop.pdfOf', { name: s.name })}
                    safe
                  >
                    {m('sop.pdf')}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}
