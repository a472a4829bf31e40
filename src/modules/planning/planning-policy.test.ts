import { describe, expect, it } from 'vitest';
import type { Actor } from '../../kernel/access/policy.js';
import { can } from '../../kernel/access/policy.js';
import { ROLES, type Role } from '../../kernel/access/roles.js';
import { checkRequires } from '../../kernel/actions/action.js';
import { PLANNING_ACTIONS } from './actions/index.js';

/**
 * Who may call each planning action at all (its `requires`, checked before any input is read),
 * role by role, written out by hand: '+' may, '-' may not. Row checks that depend on the
 * subject (a producer answers for its own agency only) are in planning.int.test.ts.
 */
const R = [
  'public',
  'producer',
  'custodian',
  'supervisor',
  'secretariat',
  'leader',
  'administrator',
] as const;
const EXPECTED: Record<string, string> = {
  //                                      pub prod cust sup sec lead admin
  data_list_show: '+++++++',
  data_list_export: '+++++++',
  data_list_import: '--+-+--',
  data_list_copy: '--+-+--',
  data_list_diff: '-++++++',
  data_list_item_create: '--+-+--',
  data_list_item_update: '--+-+--',
  data_list_item_delete: '--+-+--',
  data_list_item_respond: '-+-----',
  data_list_item_link: '-++++++',
  data_proposal_create: '+++++++',
  data_proposal_list: '--+-+--',
  data_proposal_moderate: '--+-+--',
  data_proposal_from_requests: '--+-+--',
  data_proposal_import_needs: '--+-+--',
  forum_meeting_create: '--+-+--',
  forum_meeting_show: '-++++++',
  forum_minutes_record: '--+-+--',
  forum_decision_record: '--+-+--',
  planning_record_generate: '--+-+--',
  planning_record_download: '-++++++',
  data_list_enact: '--+-+--',
  statistical_activity_recommendation_set: '---+---',
  statistical_activity_fs3_record: '-++----',
};

function actorWith(role: Role): Actor {
  if (role === 'public') return { userId: null, username: 'anonim', roles: ['public'], agencyId: null };
  return { userId: `user-${role}`, username: role, roles: ['public', role], agencyId: 'a-own' };
}

describe('planning actions × roles', () => {
  it('has an expected row for every planning action and a column for every role', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(PLANNING_ACTIONS.map((a) => a.name).sort());
    expect([...R]).toEqual([...ROLES]);
  });
  for (const action of PLANNING_ACTIONS)
    R.forEach((role, i) => {
      const expected = EXPECTED[action.name]?.[i] === '+';
      it(`${role} ${expected ? 'may' : 'may not'} call ${action.name}`, () => {
        const call = () => checkRequires(actorWith(role), action);
        if (expected) expect(call).not.toThrow();
        else expect(call).toThrow();
      });
    });
  it('a producer answers rows of its own agency only', () => {
    const producer = actorWith('producer');
    expect(can(producer, 'data_list:respond', { agencyId: 'a-own' })).toBe(true);
    expect(can(producer, 'data_list:respond', { agencyId: 'a-other' })).toBe(false);
  });
});
