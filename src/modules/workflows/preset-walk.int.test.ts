/**
 * Every preset, every decision branch, at run time (issue #12): each branch a step offers through
 * task_complete is taken once in its own run, which then goes forward to its end. Fan-out steps
 * are answered by several agencies; a return on a fan-out task goes back to that agency only.
 * A dataset collection SOP runs its data-list cycle here (its dataset decisions — verify, review —
 * are acted on through the submission actions: verification/dataset-flow.int.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgency, buildUser } from '../../../test/factories/index.js';
import { ctxOf } from '../../../test/support/flow-fixtures.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../test/support/test-database.js';
import type { Actor } from '../../kernel/access/policy.js';
import type { GrantableRole } from '../../kernel/access/roles.js';
import { executeAction } from '../../kernel/actions/action.js';
import { mutate } from '../../kernel/actions/context.js';
import { defaultWorkingCalendar } from '../../kernel/calendar/working-calendar.js';
import { taskComplete } from './actions/task-complete.js';
import { decidedElsewhere } from './decided-elsewhere.js';
import { END, type WorkflowDefinition } from './domain/definition.js';
import { forwardOutcome, isBackward } from './domain/outcomes.js';
import { WORKFLOW_PRESETS } from './domain/presets/index.js';
import { cycleStepIds, scopeOf, YEAR_END_SUBJECT, yearEndStart, yearEndStepIds } from './domain/scope.js';
import { startInstance } from './engine.js';
import { actOnTask, loadTask } from './task-act.js';

/** The branches a run can take through task_complete: decisions of steps without a platform feature. */
function branches(def: WorkflowDefinition): { step: string; outcome: string }[] {
  return def.steps
    .filter((s) => !s.feature && s.transitions.length > 1)
    .flatMap((s) => s.transitions.map((t) => ({ step: s.id, outcome: t.outcome })));
}

/** Can the flow get from `from` to step `target`? */
function reaches(def: WorkflowDefinition, from: string, target: string): boolean {
  const seen = new Set<string>();
  const queue = [from];
  while (queue.length > 0) {
    const at = queue.shift() as string;
    if (at === target) return true;
    if (at === END || seen.has(at)) continue;
    seen.add(at);
    for (const t of def.steps.find((s) => s.id === at)?.transitions ?? []) queue.push(t.to);
  }
  return false;
}

/** On the way to the branch's step: the forward outcome when it leads there, else one that does. */
function towards(def: WorkflowDefinition, stepId: string, target: string): string {
  const step = def.steps.find((s) => s.id === stepId);
  const forward = step ? forwardOutcome(step) : 'done';
  const to = (o: string) => step?.transitions.find((t) => t.outcome === o)?.to ?? END;
  if (reaches(def, to(forward), target)) return forward;
  return step?.transitions.find((t) => reaches(def, t.to, target))?.outcome ?? forward;
}

for (const kind of DIALECTS) {
  describe(`every preset through every decision branch on ${kind}`, () => {
    let t: TestDatabase;
    const agencies: string[] = [];
    const byRole: Record<string, Actor[]> = {};
    beforeAll(async () => {
      t = await createTestDatabase(kind);
      for (let i = 0; i < 2; i++) agencies.push((await buildAgency(t.database)).id);
      const add = async (role: GrantableRole, agencyId: string | null = null) => {
        const actor = (await buildUser(t.database, { roles: [role], agencyId })).actor;
        byRole[role] = [...(byRole[role] ?? []), actor];
      };
      for (const a of agencies) await add('producer', a);
      for (const role of [
        'custodian',
        'custodian',
        'custodian',
        'supervisor',
        'secretariat',
        'leader',
        'leader',
      ] as const)
        await add(role);
    });
    afterAll(() => t?.drop());

    async function run(def: WorkflowDefinition, branch?: { step: string; outcome: string }, yearEnd = false) {
      const sec = byRole.secretariat?.[0] as Actor;
      const first = def.steps.find((s) => s.id === def.start);
      const atStep = yearEnd
        ? yearEndStart(def)
        : first?.role === 'public'
          ? first.transitions[0]?.to
          : undefined;
      const { instance } = await mutate(ctxOf(t.database, sec), (trx, audit) =>
        startInstance(
          { trx, audit, actor: sec, calendar: defaultWorkingCalendar(), now: new Date(), siteUrl: '' },
          {
            definitionId: null,
            definition: def,
            subjectType: yearEnd
              ? YEAR_END_SUBJECT
              : def.processKind === 'dataset_collection'
                ? 'data_list_cycle'
                : def.processKind,
            subjectId: crypto.randomUUID(),
            subjectTitle: `Jalan ${def.key}`,
            agencyId: null,
            ...(atStep ? { atStep } : {}),
          },
        ),
      );
      let taken = false;
      const moves: string[] = [];
      for (let guard = 0; guard < 300; guard++) {
        const open = await t.database.db
          .selectFrom('workflow_task')
          .selectAll()
          .where('instance_id', '=', instance.id)
          .where('state', '=', 'open')
          .orderBy('opened_at')
          .execute();
        const task = open[0];
        if (!task) break;
        const step = def.steps.find((s) => s.id === task.step_id);
        if (!step) throw new Error(`no step ${task.step_id}`);
        const take = !taken && branch?.step === step.id;
        const outcome = take
          ? (branch?.outcome as string)
          : branch && !taken
            ? towards(def, step.id, branch.step)
            : forwardOutcome(step);
        const input = {
          id: task.id,
          outcome,
          note: `Jalan: ${step.id}`,
          agency_id: agencies[0],
          agency_ids: agencies,
          assignee_id: byRole.custodian?.[1]?.userId,
        };
        let done: unknown;
        // A step a module decides on its own pages (the yearly report's approval) refuses
        // task_complete; its module's actions act on the run as below (their own tests).
        const elsewhere = decidedElsewhere({ subjectType: instance.subject_type, taskId: task.id, step });
        // The first of the role who may act does (own agency, the assigned person, four eyes).
        for (const actor of byRole[step.role] ?? []) {
          done = elsewhere
            ? await mutate(ctxOf(t.database, actor), async (trx, audit) =>
                actOnTask(
                  { trx, audit, actor, calendar: defaultWorkingCalendar(), now: new Date(), siteUrl: '' },
                  await loadTask(trx, task.id, { forUpdate: true }),
                  { outcome, note: input.note },
                ),
              ).catch(() => undefined)
            : await executeAction(ctxOf(t.database, actor), taskComplete, input).catch(() => undefined);
          if (done) break;
        }
        if (!done) throw new Error(`nobody could act on ${def.key}:${step.id} with ${outcome}`);
        moves.push(`${step.id}:${outcome}`);
        if (take) {
          taken = true;
          const to = step.transitions.find((x) => x.outcome === outcome)?.to;
          if (scopeOf(step).kind === 'fan_out' && isBackward(outcome) && to && to !== END) {
            // Returned to one agency only: the step it goes back to is open for that agency alone.
            const back = await t.database.db
              .selectFrom('workflow_task')
              .select('agency_id')
              .where('instance_id', '=', instance.id)
              .where('state', '=', 'open')
              .where('step_id', '=', to)
              .execute();
            expect(back.map((b) => b.agency_id)).toEqual([task.agency_id]);
          }
        }
      }
      const ended = await t.database.db
        .selectFrom('workflow_instance')
        .select('state')
        .where('id', '=', instance.id)
        .executeTakeFirstOrThrow();
      expect(ended.state).toBe('completed');
      if (branch) expect(moves).toContain(`${branch.step}:${branch.outcome}`);
      return moves;
    }

    for (const def of WORKFLOW_PRESETS) {
      it(`${def.key}: forward, then each branch once`, async () => {
        const forward = await run(def);
        expect(forward.length).toBeGreaterThan(1);
        // A fan-out step is answered by every agency.
        for (const s of def.steps.filter((x) => scopeOf(x).kind === 'fan_out' && x.role === 'producer'))
          expect(forward.filter((m) => m.startsWith(`${s.id}:`)).length).toBeGreaterThanOrEqual(
            agencies.length,
          );
        const yearly = yearEndStepIds(def);
        // The data-list cycle run ends before the year's evaluation (a run of its own).
        expect(forward.filter((m) => yearly.has(m.split(':')[0] as string))).toEqual([]);
        for (const branch of branches(def)) await run(def, branch, yearly.has(branch.step));
        if (yearly.size > 0) expect((await run(def, undefined, true)).length).toBeGreaterThan(1);
        if (def.processKind === 'dataset_collection') {
          // Its decisions are dataset features, none in the cycle run; the yearly report's
          // approval is in the year's evaluation run.
          const cycle = cycleStepIds(def);
          expect(
            def.steps
              .filter((s) => s.transitions.length > 1 && !yearly.has(s.id))
              .every((s) => s.feature && !cycle.has(s.id)),
          ).toBe(true);
        }
      });
    }
  });
}
