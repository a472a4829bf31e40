import { Layout } from '../../../kernel/http/layout.js';
import type { PageContext } from '../../../kernel/http/page-context.js';
import { type CurationKey, curationText } from '../curation.messages.js';

const c = (ctx: PageContext, key: CurationKey, p: Record<string, string> = {}) =>
  curationText(ctx.locale, key, p);

/** The messages sent through the contact page. */
/** GET /admin/portal/pesan — messages sent through the contact page, newest first. */
export function ContactInboxPage({
  ctx,
  messages,
}: {
  ctx: PageContext;
  messages: { name: string; email: string; body: string; at: string }[];
}) {
  const title = c(ctx, 'contact.inbox');
  return (
    <Layout ctx={ctx} title={title}>
      <h1 safe>{title}</h1>
      {messages.length ? (
        <ol class="contact-messages">
          {messages.map((m) => (
            <li>
              <p>
                <strong safe>{c(ctx, 'contact.from', { name: m.name, email: m.email, date: m.at })}</strong>
              </p>
              <p class="notes" safe>
                {m.body}
              </p>
            </li>
          ))}
        </ol>
      ) : (
        <p safe>{c(ctx, 'admin.none')}</p>
      )}
    </Layout>
  );
}
