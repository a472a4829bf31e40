import type { Kysely } from 'kysely';
import { type Actor, can } from '../../kernel/access/policy.js';
import type { DB } from '../../kernel/db/schema.js';
import { setBadge } from '../../kernel/http/nav-badge.js';
import { unreadCount } from '../../kernel/notifications/notifications.repository.js';
import { inboxFor } from './inbox.js';

/** Count open tasks and unread notifications of a signed-in staff actor, for the nav badge. */
export async function loadBadge(db: Kysely<DB>, actor: Actor): Promise<void> {
  if (!actor.userId || !can(actor, 'task:read_own')) return;
  const [tasks, unread] = await Promise.all([inboxFor(db, actor, new Date()), unreadCount(db, actor.userId)]);
  setBadge(actor, { tasks: tasks.length, unread });
}
