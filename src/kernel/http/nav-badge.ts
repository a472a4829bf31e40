import type { Actor } from '../access/policy.js';

/** Open tasks and unread notifications of the actor of the current request, for the nav. */
export interface Badge {
  tasks: number;
  unread: number;
}

// Kept beside the actor object the page context carries, for this request only.
const badges = new WeakMap<Actor, Badge>();

/** Set by the module that owns tasks (a request hook), read by the layout. */
export function setBadge(actor: Actor, badge: Badge): void {
  badges.set(actor, badge);
}

export function badgeOf(actor: Actor): Badge | undefined {
  return badges.get(actor);
}
