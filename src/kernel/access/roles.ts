/**
 * Roles of Satu Data (PRODUCT.md). `public` is everybody, signed in or not; the others are
 * granted to accounts. A user may hold several roles.
 */
export const ROLES = [
  'public',
  'producer',
  'custodian',
  'supervisor',
  'secretariat',
  'leader',
  'administrator',
] as const;
export type Role = (typeof ROLES)[number];

/** Roles that can be granted to an account (everybody is already `public`). */
export const GRANTABLE_ROLES = ROLES.filter((r): r is Exclude<Role, 'public'> => r !== 'public');
export type GrantableRole = (typeof GRANTABLE_ROLES)[number];

/** Roles that act for one agency only: the account must be bound to an agency. */
export const AGENCY_BOUND_ROLES: readonly Role[] = ['producer'];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
