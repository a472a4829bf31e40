import { Layout } from './layout.js';
import type { PageContext } from './page-context.js';

/** An error page: a heading, what happened in the reader's language, a way back. No stack trace. */
export function ErrorPage({ ctx, title, message }: { ctx: PageContext; title: string; message: string }) {
  return (
    <Layout ctx={ctx} title={title}>
      <section class="error-page">
        <h1 safe>{title}</h1>
        <p safe>{message}</p>
        <p>
          <a safe href="/">
            {ctx.t('error.back')}
          </a>
        </p>
      </section>
    </Layout>
  );
}
