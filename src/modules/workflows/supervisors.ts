import type { Kysely } from 'kysely';
import type { Role } from '../../kernel/access/roles.js';
import type { DB } from '../../kernel/db/schema.js';
import type { Recipient } from './notify.js';
import { usersWithRole } from './runs.repository.js';

/**
 * Who hears that a task is overdue: the supervisor of the step's actor. Until users hold
 * positions within a role (staff, Kasi, Kabid, Kadis), the supervisor is the role that
 * oversees the step's role in the Satu Data structure (Perpres 39/2019): producers' work is
 * coordinated by the data custodian (Walidata); custodian, secretariat and administrator work
 * answers to the leader (Kepala Bidang / Kepala Dinas of the custodian office); the
 * supervisor's (BPS) reviews are followed up by the Satu Data secretariat / coordinator.
 */
export const ESCALATES_TO: Record<Role, Role> = {
  public: 'custodian',
  producer: 'custodian',
  custodian: 'leader',
  secretariat: 'leader',
  administrator: 'leader',
  supervisor: 'secretariat',
  leader: 'leader',
};

/** The people an overdue task of `task.role` escalates to (active accounts only). */
export async function supervisorsOf(
  trx: Kysely<DB>,
  task: { role: string; agency_id: string | null },
): Promise<Recipient[]> {
  const role = ESCALATES_TO[task.role as Role] ?? 'leader';
  const users = await usersWithRole(trx, role);
  return users.map((u) => ({ id: u.id, email: u.email }));
}
