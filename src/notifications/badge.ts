import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { type Actor, can } from '../policies/policy.js';
import { inboxFor } from '../workflow-runs/inbox.js';
import { unreadCount } from './notifications.repository.js';

/** Open tasks and unread notifications of the actor of the current request, for the nav. */
export interface Badge {
  tasks: number;
  unread: number;
}

const badges = new WeakMap<Actor, Badge>();

/** Count for a signed-in staff actor; kept beside the actor object the page context carries. */
export async function loadBadge(db: Kysely<DB>, actor: Actor): Promise<void> {
  if (!actor.userId || !can(actor, 'task:read_own')) return;
  const [tasks, unread] = await Promise.all([inboxFor(db, actor, new Date()), unreadCount(db, actor.userId)]);
  badges.set(actor, { tasks: tasks.length, unread });
}

export function badgeOf(actor: Actor): Badge | undefined {
  return badges.get(actor);
}
