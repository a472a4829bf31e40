import { describe, expect, it } from 'vitest';
import { ACTIONS, type Action } from './permission.js';
import { type Actor, can, canReadClassified, grantScope } from './policy.js';
import { ROLES, type Role } from './roles.js';

/**
 * The expected policy, written out by hand as the product brief describes the roles
 * (PRODUCT.md). Each cell: '-' denied, 'own' only on the actor's own agency's subjects,
 * 'all' on any subject. It is deliberately not derived from ROLE_GRANTS: a change to the
 * grants table must be mirrored here on purpose.
 */
type Cell = '-' | 'own' | 'all';
const R = [
  'public',
  'producer',
  'custodian',
  'supervisor',
  'secretariat',
  'leader',
  'administrator',
] as const;
const EXPECTED: Record<Action, [Cell, Cell, Cell, Cell, Cell, Cell, Cell]> = {
  //                       public producer custodian supervisor secretariat leader admin
  'portal:read': ['all', 'all', 'all', 'all', 'all', 'all', 'all'],
  'account:read_own': ['-', 'all', 'all', 'all', 'all', 'all', 'all'],
  'account:update_own': ['-', 'all', 'all', 'all', 'all', 'all', 'all'],
  'token:manage_own': ['-', 'all', 'all', 'all', 'all', 'all', 'all'],
  'workspace:open': ['-', 'all', 'all', 'all', 'all', 'all', 'all'],
  'agency:read': ['all', 'all', 'all', 'all', 'all', 'all', 'all'],
  'agency:create': ['-', '-', '-', '-', '-', '-', 'all'],
  'agency:update': ['-', '-', '-', '-', '-', '-', 'all'],
  'user:read': ['-', '-', '-', '-', '-', '-', 'all'],
  'user:create': ['-', '-', '-', '-', '-', '-', 'all'],
  'user:update': ['-', '-', '-', '-', '-', '-', 'all'],
  'user:assign_role': ['-', '-', '-', '-', '-', '-', 'all'],
  'audit:read': ['-', '-', 'all', '-', '-', 'all', 'all'],
  'audit:read_storage_keys': ['-', '-', '-', '-', '-', '-', 'all'],
  'dataset:read_private': ['-', 'own', 'all', 'all', 'all', 'all', '-'],
  'dataset:create': ['-', 'own', 'all', '-', '-', '-', '-'],
  'dataset:update': ['-', 'own', 'all', '-', '-', '-', '-'],
  'dataset:submit': ['-', 'own', '-', '-', '-', '-', '-'],
  'dataset:verify': ['-', '-', 'all', '-', '-', '-', '-'],
  'dataset:review': ['-', '-', '-', 'all', '-', '-', '-'],
  'dataset:publish': ['-', '-', 'all', '-', '-', '-', '-'],
  'metadata:update': ['-', 'own', 'all', '-', '-', '-', '-'],
  'standard:manage': ['-', '-', 'all', '-', '-', '-', '-'],
  'task:read_own': ['-', 'all', 'all', 'all', 'all', 'all', 'all'],
  'task:act_as_producer': ['-', 'own', '-', '-', '-', '-', '-'],
  'task:act_as_custodian': ['-', '-', 'all', '-', '-', '-', '-'],
  'task:act_as_supervisor': ['-', '-', '-', 'all', '-', '-', '-'],
  'task:act_as_secretariat': ['-', '-', '-', '-', 'all', '-', '-'],
  'task:act_as_leader': ['-', '-', '-', '-', '-', 'all', '-'],
  'task:act_as_administrator': ['-', '-', '-', '-', '-', '-', 'all'],
  'outbox:read': ['-', '-', '-', '-', '-', '-', 'all'],
  'workflow:configure': ['-', '-', '-', '-', '-', '-', 'all'],
  'workflow:start': ['-', '-', 'all', '-', 'all', '-', 'all'],
  'calendar:configure': ['-', '-', '-', '-', '-', '-', 'all'],
  'codelist:manage': ['-', '-', 'all', '-', '-', '-', 'all'],
  'dataset:read_closed': ['-', 'own', 'all', '-', '-', '-', '-'],
  // CKAN group_create/_update/_patch/_delete map onto topics (issue #19).
  'topic:manage': ['-', '-', 'all', '-', '-', '-', 'all'],
  // Issue 15: producers chart and draft their own agency's publications; the custodian's staff
  // (positions staff, sub-coordinator) draft and check any; the leader (head of division) reads drafts.
  'chart:create': ['-', 'own', 'all', '-', '-', '-', '-'],
  'publication:create': ['-', 'own', 'all', '-', '-', '-', '-'],
  'publication:read_draft': ['-', 'own', 'all', '-', '-', 'all', '-'],
  'data_book:generate': ['-', '-', 'all', '-', '-', '-', '-'],
  // Evaluation (issue #16): each agency sees its own figures; the TPI assesses, BPS verifies.
  'evaluation:read': ['-', 'own', 'all', 'all', 'all', 'all', '-'],
  'epss:assess': ['-', '-', 'all', '-', 'all', '-', '-'],
  'epss:verify': ['-', '-', '-', 'all', '-', '-', '-'],
  'evaluation:report': ['-', '-', 'all', '-', 'all', '-', '-'],
  'evaluation:approve': ['-', '-', '-', '-', '-', 'all', '-'],
  'epss:configure': ['-', '-', '-', '-', '-', '-', 'all'],
  // Planning (issue #13): custodian and secretariat keep the list; producers answer for their agency; BPS recommends.
  'data_list:manage': ['-', '-', 'all', '-', 'all', '-', '-'],
  'data_list:respond': ['-', 'own', '-', '-', '-', '-', '-'],
  'data_list:recommend': ['-', '-', '-', 'all', '-', '-', '-'],
  // Data requests (issue #14): anyone files; the custodian handles; the routed agency's
  // producers answer; the leader (atasan PPID) decides objections; contact data stays with handlers.
  'data_request:create': ['all', 'all', 'all', 'all', 'all', 'all', 'all'],
  'data_request:read': ['-', 'own', 'all', '-', '-', 'all', '-'],
  'data_request:read_personal': ['-', '-', 'all', '-', '-', 'all', '-'],
  'data_request:handle': ['-', '-', 'all', '-', '-', '-', '-'],
  'data_request:respond': ['-', 'own', '-', '-', '-', '-', '-'],
  'data_request:decide_objection': ['-', '-', '-', '-', '-', 'all', '-'],
  // Issue 18: collections, featured datasets, key indicators, government pages.
  'portal:manage': ['-', '-', 'all', '-', '-', '-', 'all'],
};

const OWN = '00000000-0000-4000-8000-00000000000a';
const OTHER = '00000000-0000-4000-8000-00000000000b';
const SUBJECTS = {
  'own agency': { agencyId: OWN },
  'other agency': { agencyId: OTHER },
  'no agency': {},
} as const;

function actorWith(role: Role): Actor {
  if (role === 'public') return { userId: null, username: 'anonim', roles: ['public'], agencyId: null };
  return { userId: `user-${role}`, username: role, roles: ['public', role], agencyId: OWN };
}

describe(can.name, () => {
  it('has an expected row for every action and a column for every role', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...ACTIONS].sort());
    expect([...R]).toEqual([...ROLES]);
  });

  for (const [action, cells] of Object.entries(EXPECTED) as [Action, Cell[]][]) {
    R.forEach((role, i) => {
      for (const [subjectName, subject] of Object.entries(SUBJECTS)) {
        const cell = cells[i];
        const expected = cell === 'all' || (cell === 'own' && subjectName === 'own agency');
        it(`${role} ${expected ? 'may' : 'may not'} ${action} on ${subjectName}`, () => {
          expect(can(actorWith(role), action, subject)).toBe(expected);
        });
      }
    });
  }

  it('never grants an own-agency action to a producer without an agency', () => {
    const loose: Actor = { userId: 'x', username: 'x', roles: ['public', 'producer'], agencyId: null };
    expect(can(loose, 'dataset:update', {})).toBe(false);
    expect(can(loose, 'dataset:update', { agencyId: null })).toBe(false);
  });

  it('unions the grants of several roles', () => {
    const both: Actor = { userId: 'x', username: 'x', roles: ['producer', 'leader'], agencyId: OWN };
    expect(can(both, 'dataset:update', { agencyId: OWN })).toBe(true);
    expect(can(both, 'dataset:update', { agencyId: OTHER })).toBe(false);
    expect(can(both, 'audit:read')).toBe(true);
    expect(can(both, 'portal:read')).toBe(true);
  });
});

describe(grantScope.name, () => {
  it('gives the widest scope of the actor roles', () => {
    const producer: Actor = { userId: 'p', username: 'p', roles: ['producer'], agencyId: OWN };
    expect(grantScope(producer, 'dataset:read_private')).toBe('own_agency');
    expect(grantScope({ ...producer, roles: ['producer', 'custodian'] }, 'dataset:read_private')).toBe('any');
    expect(grantScope({ ...producer, agencyId: null }, 'dataset:read_private')).toBeNull();
    expect(grantScope(actorWith('public'), 'dataset:read_private')).toBeNull();
  });
});

/**
 * The one rule for classified data (a dataset or one column of it), by hand: closed data only
 * the producing agency and the custodian; restricted data the staff who read private data, plus
 * an agency the data are shared with; open data everybody. Cells: own agency, other agency,
 * other agency that the data are shared with.
 */
type Reach = [boolean, boolean, boolean];
const CLASSIFIED: Record<'restricted' | 'closed', Record<(typeof R)[number], Reach>> = {
  closed: {
    public: [false, false, false],
    producer: [true, false, false],
    custodian: [true, true, true],
    supervisor: [false, false, false],
    secretariat: [false, false, false],
    leader: [false, false, false],
    administrator: [false, false, false],
  },
  restricted: {
    public: [false, false, false],
    producer: [true, false, true],
    custodian: [true, true, true],
    supervisor: [true, true, true],
    secretariat: [true, true, true],
    leader: [true, true, true],
    // A share is with an agency: any account of it (here the test actor's) reads.
    administrator: [false, false, true],
  },
};

describe(canReadClassified.name, () => {
  const subjects = [{ agencyId: OWN }, { agencyId: OTHER }, { agencyId: OTHER, sharedWith: [OWN] }] as const;
  for (const [classification, byRole] of Object.entries(CLASSIFIED) as [
    'restricted' | 'closed',
    Record<(typeof R)[number], Reach>,
  ][]) {
    for (const role of R) {
      it(`${role} on ${classification} data: own, other, shared-with agency`, () => {
        const got = subjects.map((s) => canReadClassified(actorWith(role), classification, s));
        expect(got).toEqual(byRole[role]);
      });
    }
  }

  it('open data: everybody; closed data follow dataset:read_closed exactly', () => {
    for (const role of R) {
      expect(canReadClassified(actorWith(role), 'open', { agencyId: OTHER })).toBe(true);
      for (const s of subjects)
        expect(canReadClassified(actorWith(role), 'closed', s)).toBe(
          can(actorWith(role), 'dataset:read_closed', s),
        );
    }
  });
});
