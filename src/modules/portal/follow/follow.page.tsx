import type { FollowTargetKind } from '../../../kernel/db/schema/portal.js';
import { CsrfField, Layout } from '../../../kernel/http/layout.js';
import type { PageContext } from '../../../kernel/http/page-context.js';
import { portalText } from '../portal.messages.js';

/** The follow form beside a dataset, agency or topic; `error` and `email` keep a refused try. */
export function FollowForm({
  ctx,
  kind,
  target,
  title,
  error,
  email,
}: {
  ctx: PageContext;
  kind: FollowTargetKind;
  target: string;
  title: string;
  error?: string | undefined;
  email?: string | undefined;
}) {
  const pt = (k: Parameters<typeof portalText>[1], p: Record<string, string> = {}) =>
    portalText(ctx.locale, k, p);
  return (
    <section class="follow" aria-labelledby="follow-title">
      <h2 id="follow-title" safe>
        {pt('follow.title')}
      </h2>
      <p safe>{pt('follow.lead', { title })}</p>
      {error ? (
        <p class="errors" role="alert" safe>
          {error}
        </p>
      ) : (
        ''
      )}
      <form method="post" action="/follow" class="stack">
        {/* Anonymous readers post without a token (the route is an anonymous form). */}
        {ctx.actor.userId === null ? '' : <CsrfField ctx={ctx} />}
        <input type="hidden" name="kind" value={kind} />
        <input type="hidden" name="target" value={target} />
        <label for="follow-email" safe>
          {pt('follow.email')}
        </label>
        <input
          id="follow-email"
          name="email"
          type="email"
          autocomplete="email"
          required
          value={email ?? ''}
        />
        <button type="submit" safe>
          {pt('follow.submit')}
        </button>
      </form>
    </section>
  );
}

/** A one-message page of the follow flow, with an optional button that posts the token. */
export function FollowMessagePage({
  ctx,
  heading,
  message,
  post,
}: {
  ctx: PageContext;
  heading: string;
  message: string;
  post?: { action: string; token: string; button: string } | undefined;
}) {
  return (
    <Layout ctx={ctx} title={heading}>
      <section class="narrow">
        <h1 safe>{heading}</h1>
        <p safe>{message}</p>
        {post ? (
          <form method="post" action={post.action}>
            <CsrfField ctx={ctx} />
            <input type="hidden" name="token" value={post.token} />
            <button type="submit" safe>
              {post.button}
            </button>
          </form>
        ) : (
          ''
        )}
      </section>
    </Layout>
  );
}
