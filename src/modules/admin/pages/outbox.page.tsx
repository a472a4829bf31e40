import type { MailOutbox } from '../../../kernel/db/schema/workflow-runs.js';
import { Layout } from '../../../kernel/http/layout.js';
import type { PageContext } from '../../../kernel/http/page-context.js';
import { formatDateTime } from '../../../kernel/i18n/i18n.js';
import { wm } from '../../workflows/index.js';

/** GET /admin/outbox — notification mails, sent or kept (no SMTP configured). */
export function OutboxPage({ ctx, mails, smtp }: { ctx: PageContext; mails: MailOutbox[]; smtp: boolean }) {
  const w = (k: Parameters<typeof wm>[1]) => wm(ctx.locale, k);
  return (
    <Layout ctx={ctx} title={w('outbox.title')}>
      <h1 safe>{w('outbox.title')}</h1>
      <p safe>{w('outbox.lead')}</p>
      <p safe class="hint">
        {smtp ? w('outbox.smtpOn') : w('outbox.smtpOff')}
      </p>
      {mails.length === 0 ? (
        <p safe>{w('outbox.empty')}</p>
      ) : (
        <div class="table-wrap" tabindex="0">
          <table id="outbox">
            <thead>
              <tr>
                <th safe scope="col">
                  {w('outbox.created')}
                </th>
                <th safe scope="col">
                  {w('outbox.to')}
                </th>
                <th safe scope="col">
                  {w('outbox.subject')}
                </th>
                <th safe scope="col">
                  {w('outbox.status')}
                </th>
              </tr>
            </thead>
            <tbody>
              {mails.map((m) => (
                <tr>
                  <td safe>{formatDateTime(ctx.locale, m.created_at, ctx.timeZone)}</td>
                  <td safe>{m.to_address}</td>
                  <td>
                    <details>
                      <summary safe>{m.subject}</summary>
                      <pre safe>{m.body}</pre>
                    </details>
                  </td>
                  <td safe>
                    {m.sent_at
                      ? `${w('outbox.sent')} ${formatDateTime(ctx.locale, m.sent_at, ctx.timeZone)}`
                      : w('outbox.pending')}
                    {m.last_error && ` (${m.last_error})`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}
