import type { Kysely } from 'kysely';
import type { Role } from '../../kernel/access/roles.js';
import type { DB } from '../../kernel/db/schema.js';
import type { Position, WorkflowStep } from './domain/definition.js';
import type { Recipient } from './notify.js';
import { usersWithRole } from './runs.repository.js';

/**
 * Who hears that a task is overdue: the supervisor of the step's actor.
 * 1. The step's `supervisorPosition` (the SOP names who oversees it), within the step's role
 *    and, for an agency's task, that agency.
 * 2. Else the position above the task's own (staff → Kasi or subkoordinator → Kabid → Kadis).
 * 3. While the region has given nobody that position, the role that oversees the step's role
 *    in the Satu Data structure (Perpres 39/2019): producers' work is coordinated by the data
 *    custodian (Walidata); custodian, secretariat and administrator work answers to the leader
 *    (Kepala Bidang / Kepala Dinas of the custodian office); the supervisor's (BPS) reviews
 *    are followed up by the Satu Data secretariat / coordinator.
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

/** The positions one level above each (Kasi and subkoordinator are the same echelon). */
export const POSITIONS_ABOVE: Record<Position, readonly Position[]> = {
  staff: ['section_head', 'sub_coordinator'],
  section_head: ['division_head'],
  sub_coordinator: ['division_head'],
  division_head: ['agency_head'],
  agency_head: [],
};

export interface OverdueTask {
  role: string;
  agency_id: string | null;
  position: string | null;
  step: Pick<WorkflowStep, 'supervisorPosition'>;
}

/** The people an overdue task escalates to (active accounts only). */
export async function supervisorsOf(trx: Kysely<DB>, task: OverdueTask): Promise<Recipient[]> {
  const wanted: readonly string[] = task.step.supervisorPosition
    ? [task.step.supervisorPosition]
    : task.position
      ? (POSITIONS_ABOVE[task.position as Position] ?? [])
      : [];
  if (wanted.length > 0) {
    const holders = (await usersWithRole(trx, task.role as Role)).filter(
      (u) =>
        u.position !== null &&
        wanted.includes(u.position) &&
        (task.agency_id === null || u.agency_id === null || u.agency_id === task.agency_id),
    );
    if (holders.length > 0) return holders.map((u) => ({ id: u.id, email: u.email }));
  }
  const role = ESCALATES_TO[task.role as Role] ?? 'leader';
  return (await usersWithRole(trx, role)).map((u) => ({ id: u.id, email: u.email }));
}
