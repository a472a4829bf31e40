import { z } from 'zod';
import { authorize } from '../../../kernel/access/policy.js';
import { hashSecret, newSecret } from '../../../kernel/access/secret.js';
import { defineAction } from '../../../kernel/actions/action.js';
import { mutate } from '../../../kernel/actions/context.js';
import { NotFoundError } from '../../../kernel/errors.js';
import { insertMails } from '../../../kernel/notifications/notifications.repository.js';
import { portalText } from '../portal.messages.js';
import {
  confirmFollow,
  deleteFollow,
  findFollowByToken,
  findFollowByUnsubscribeToken,
  findPublicTarget,
  upsertFollow,
} from './follow.repository.js';

const BAD_LINK = {
  id: 'Tautan langganan tidak berlaku lagi',
  en: 'The subscription link is no longer valid',
};
const NO_TARGET = {
  id: 'Yang hendak diikuti tidak ditemukan (kolom "target")',
  en: 'What you want to follow was not found (field "target")',
};
const Token = z.string().min(20).max(100);

/**
 * Follow a public dataset, agency or topic by e-mail, without an account (CKAN's follow_dataset
 * for the public). Nothing is sent until the address confirms: the mail goes to the outbox with a
 * confirm link and a one-click unsubscribe link.
 */
export const followSubscribe = defineAction({
  name: 'follow_subscribe',
  sideEffectFree: false,
  requires: 'portal:read',
  input: z.object({
    email: z.string().trim().toLowerCase().email().max(254),
    kind: z.enum(['dataset', 'organization', 'group']),
    target: z.string().min(1).max(100),
    locale: z.enum(['id', 'en']).default('id'),
  }),
  authorize: (ctx) => authorize(ctx.actor, 'portal:read'),
  async run(ctx, input) {
    const target = await findPublicTarget(ctx.db, input.kind, input.target);
    if (!target) throw new NotFoundError(NO_TARGET);
    const token = newSecret();
    const site = ctx.siteUrl ?? '';
    await mutate(ctx, async (trx, audit) => {
      const row = await upsertFollow(trx, {
        email: input.email,
        target,
        locale: input.locale,
        tokenHash: hashSecret(token),
        unsubscribeToken: newSecret(),
      });
      const title = target.title;
      const tx = (k: Parameters<typeof portalText>[1], p: Record<string, string> = {}) =>
        portalText(input.locale, k, { title, site, ...p });
      await insertMails(trx, [
        {
          to_address: input.email,
          subject: tx('follow.mailConfirmSubject'),
          body: tx('follow.mailConfirmBody', {
            link: `${site}/follow/confirm?token=${token}`,
            unsubscribe: `${site}/follow/unsubscribe?token=${row.unsubscribe_token}`,
          }),
        },
      ]);
      // No address in the audit row: the follow's id is enough to trace it.
      await audit({
        action: 'follow_subscribe',
        subjectType: 'follow_subscription',
        subjectId: row.id,
        summary: { kind: target.kind, target: target.name },
      });
    });
    return { sent: true };
  },
});

/** Confirm a follow from the mailed link (the token is stored only as its hash). */
export const followConfirm = defineAction({
  name: 'follow_confirm',
  sideEffectFree: false,
  requires: 'portal:read',
  input: z.object({ token: Token }),
  authorize: (ctx) => authorize(ctx.actor, 'portal:read'),
  async run(ctx, input) {
    return mutate(ctx, async (trx, audit) => {
      const f = await findFollowByToken(trx, hashSecret(input.token));
      if (!f) throw new NotFoundError(BAD_LINK);
      await confirmFollow(trx, f.id, new Date());
      await audit({ action: 'follow_confirm', subjectType: 'follow_subscription', subjectId: f.id });
      return { id: f.id, kind: f.target_kind, targetId: f.target_id };
    });
  },
});

/** One-click unsubscribe from any mail: the follow is deleted, address and all. */
export const followUnsubscribe = defineAction({
  name: 'follow_unsubscribe',
  sideEffectFree: false,
  requires: 'portal:read',
  input: z.object({ token: Token }),
  authorize: (ctx) => authorize(ctx.actor, 'portal:read'),
  async run(ctx, input) {
    return mutate(ctx, async (trx, audit) => {
      const f = await findFollowByUnsubscribeToken(trx, input.token);
      if (!f) throw new NotFoundError(BAD_LINK);
      await deleteFollow(trx, f.id);
      await audit({ action: 'follow_unsubscribe', subjectType: 'follow_subscription', subjectId: f.id });
      return { id: f.id, kind: f.target_kind, targetId: f.target_id };
    });
  },
});
