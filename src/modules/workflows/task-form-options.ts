import type { Kysely } from 'kysely';
import type { Role } from '../../kernel/access/roles.js';
import type { DB } from '../../kernel/db/schema.js';
import type { WorkflowDefinition } from './domain/definition.js';
import type { InboxEntry } from './inbox.js';
import { agencyOptions } from './routing.repository.js';
import { chosenRole } from './run-choice.js';
import { findInstance, usersWithRole } from './runs.repository.js';

/** What a choosing step's form offers: the region's agencies, and per task the people to assign. */
export interface ChoiceOptions {
  agencies: { id: string; name: string }[];
  people: Map<string, { id: string; name: string }[]>;
  agencyNames: Map<string, string>;
}

export async function choiceOptions(db: Kysely<DB>, entries: InboxEntry[]): Promise<ChoiceOptions> {
  const agencies = (await agencyOptions(db)).map((a) => ({ id: a.id, name: `${a.short_name} — ${a.name}` }));
  const agencyNames = new Map((await agencyOptions(db)).map((a) => [a.id, a.short_name]));
  const people = new Map<string, { id: string; name: string }[]>();
  for (const e of entries) {
    if (e.step.chooses !== 'person') continue;
    const instance = await findInstance(db, e.instanceId);
    const role =
      (instance && chosenRole(instance.definition as WorkflowDefinition, e.step.id)) ?? e.step.role;
    const users = await usersWithRole(db, role as Role);
    people.set(
      e.taskId,
      users.map((u) => ({ id: u.id, name: u.username })),
    );
  }
  return { agencies, people, agencyNames };
}
