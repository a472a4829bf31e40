import type { Actor } from './policy.js';

/**
 * The operator at the console (CLI, first-start seeding). Acts as an administrator and is
 * named "sistem" in the audit log, so console changes are as traceable as web ones.
 */
export const SYSTEM_ACTOR: Actor = Object.freeze({
  userId: null,
  username: 'sistem',
  roles: ['public', 'administrator'] as const,
  agencyId: null,
});
