import { describe, expect, it } from 'vitest';
import type { Actor } from '../../kernel/access/policy.js';
import type { Role } from '../../kernel/access/roles.js';
import { canActOn, inboxScopes } from './task-access.js';

const OWN = '00000000-0000-4000-8000-00000000000a';
const OTHER = '00000000-0000-4000-8000-00000000000b';
const actor = (role: Exclude<Role, 'public'>, agencyId: string | null = null): Actor => ({
  userId: `u-${role}`,
  username: role,
  roles: ['public', role],
  agencyId,
});

describe('task access (through the policy only)', () => {
  it('lets a producer act only on its own agency’s producer steps', () => {
    const p = actor('producer', OWN);
    expect(canActOn(p, { role: 'producer' }, OWN, OWN)).toBe(true);
    expect(canActOn(p, { role: 'producer' }, OTHER, OTHER)).toBe(false);
    expect(canActOn(p, { role: 'producer', feature: 'dataset_submit' }, OWN, OWN)).toBe(true);
    expect(canActOn(p, { role: 'custodian', feature: 'dataset_verify' }, null, OWN)).toBe(false);
  });

  it('needs the feature permission as well as the role for dataset steps', () => {
    expect(canActOn(actor('custodian'), { role: 'custodian', feature: 'dataset_verify' }, null, OWN)).toBe(
      true,
    );
    expect(canActOn(actor('custodian'), { role: 'custodian', feature: 'dataset_publish' }, null, OWN)).toBe(
      true,
    );
    expect(canActOn(actor('supervisor'), { role: 'custodian', feature: 'dataset_verify' }, null, OWN)).toBe(
      false,
    );
    expect(canActOn(actor('supervisor'), { role: 'supervisor', feature: 'dataset_review' }, null, OWN)).toBe(
      true,
    );
    expect(canActOn(actor('leader'), { role: 'leader' }, null, null)).toBe(true);
    expect(canActOn(actor('secretariat'), { role: 'leader' }, null, null)).toBe(false);
  });

  it('derives the inbox filter per role from the grants', () => {
    expect(inboxScopes(actor('producer', OWN))).toEqual([{ role: 'producer', agencyId: OWN }]);
    expect(inboxScopes(actor('producer', null))).toEqual([]);
    expect(inboxScopes(actor('custodian'))).toEqual([{ role: 'custodian', agencyId: null }]);
    expect(inboxScopes({ userId: null, username: 'anonim', roles: ['public'], agencyId: null })).toEqual([]);
  });
});
