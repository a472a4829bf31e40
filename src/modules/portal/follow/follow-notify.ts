import type { Kysely } from 'kysely';
import type { DB } from '../../../kernel/db/schema.js';
import { insertMails } from '../../../kernel/notifications/notifications.repository.js';
import { portalText } from '../portal.messages.js';
import { advanceNotified, pendingVersionNews } from './follow.repository.js';

/**
 * The follow sweep: one outbox mail per confirmed follow and newly published version, then the
 * follow's `notified_through` moves past it. Idempotent (a second run finds nothing), so it can
 * run on a timer in every process and after a restart; the outbox delivers as it does all mail.
 * Returns how many mails were written.
 */
export async function notifyFollowers(db: Kysely<DB>, siteUrl: string): Promise<number> {
  const news = await pendingVersionNews(db);
  if (news.length === 0) return 0;
  return db.transaction().execute(async (trx) => {
    const told = new Map<string, string[]>();
    const mails = news.map((n) => {
      told.set(n.follow_id, [...(told.get(n.follow_id) ?? []), n.version_id]);
      const p = {
        title: n.dataset_title,
        resource: n.resource_name,
        version: String(n.number),
        link: `${siteUrl}/dataset/${encodeURIComponent(n.dataset_name)}`,
        unsubscribe: `${siteUrl}/follow/unsubscribe?token=${n.unsubscribe_token}`,
      };
      return {
        to_address: n.email,
        subject: portalText(n.locale, 'follow.mailVersionSubject', p),
        body: portalText(n.locale, 'follow.mailVersionBody', p),
      };
    });
    await insertMails(trx, mails);
    for (const [id, versionIds] of told) await advanceNotified(trx, id, versionIds);
    return mails.length;
  });
}
