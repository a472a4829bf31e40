import { z } from 'zod';
import { authorize } from '../../../kernel/access/policy.js';
import { defineAction } from '../../../kernel/actions/action.js';
import { mutate } from '../../../kernel/actions/context.js';
import { insertNotifications } from '../../../kernel/notifications/notifications.repository.js';
import { insertContactMessage, listCustodianUserIds } from './contact.repository.js';

/** Where the custodian reads the contact page's messages. */
export const CONTACT_INBOX = '/admin/portal/pesan';

/**
 * Anyone sends the custodian a message from /kontak (no account): it is kept, and every active
 * custodian gets a notification in "Tugas saya". The route adds the public forms' anti-abuse
 * (CSRF, a rate limit, a honeypot field).
 */
export const contactMessageSend = defineAction({
  name: 'contact_message_send',
  sideEffectFree: false,
  requires: 'portal:read',
  input: z.object({
    name: z.string().trim().min(1).max(200),
    email: z.string().trim().email().max(254),
    body: z.string().trim().min(1).max(5000),
    locale: z.enum(['id', 'en']).default('id'),
  }),
  authorize: (ctx) => authorize(ctx.actor, 'portal:read'),
  async run(ctx, input) {
    return mutate(ctx, async (trx, audit) => {
      const { id } = await insertContactMessage(trx, input);
      const custodians = await listCustodianUserIds(trx);
      if (custodians.length)
        await insertNotifications(
          trx,
          custodians.map((user_id) => ({
            user_id,
            task_id: null,
            title: `Pesan baru lewat halaman Kontak dari ${input.name}`,
            title_en: `New message through the Contact page from ${input.name}`,
            link: CONTACT_INBOX,
          })),
        );
      await audit({
        action: 'contact_message_send',
        subjectType: 'contact_message',
        subjectId: id,
        summary: { length: input.body.length, notified: custodians.length },
      });
      return { id };
    });
  },
});
