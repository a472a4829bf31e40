import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { SYSTEM_ACTOR } from '../../kernel/access/system-actor.js';
import { mutate } from '../../kernel/actions/context.js';
import type { DB } from '../../kernel/db/schema.js';
import { deliverPendingMail } from '../../kernel/notifications/mailer.js';
import { ensureHolidayYear, holidayWindow, loadWorkingCalendarFor } from './calendar-store.js';
import { activeDefinition } from './definitions.js';
import { PROCESS_KINDS } from './domain/definition.js';
import { currentPeriod } from './domain/recurrence.js';
import { startInstance } from './engine.js';
import { claimCycle, runStartedSince, setCycleInstance } from './time.repository.js';
import { dueEvaluationYear, startYearEndRun, YEAR_END_CYCLE } from './year-end.js';

/**
 * Recurring cycles (job `workflow_cycle_start`): for each process kind whose active
 * definition has a `recurrence`, start the run of the current period once it has begun on the
 * region's clock, through the engine like any run. The period is claimed in workflow_cycle
 * in the run's transaction, so it starts once however often the job runs. A run the region
 * started by hand within the period counts as the period's run (linked, not doubled).
 * The same job keeps the holiday list seeded a few years ahead.
 */

class AlreadyClaimed extends Error {}

export interface CycleSweepResult {
  started: { processKind: string; period: string; instanceId: string }[];
  linked: number;
  holidayYears: number[];
}

export async function startDueCycles(db: Kysely<DB>, now: Date, siteUrl: string): Promise<CycleSweepResult> {
  const result: CycleSweepResult = { started: [], linked: 0, holidayYears: [] };
  const ctx = { db, actor: SYSTEM_ACTOR, requestId: 'job:cycles', ip: null };
  for (const year of holidayWindow(now)) {
    const seeded = await mutate(ctx, async (trx, audit) => {
      if (!(await ensureHolidayYear(trx, year))) throw new AlreadyClaimed();
      await audit({
        action: 'holiday_year_seed',
        subjectType: 'holiday_year',
        subjectId: String(year),
        summary: { year },
      });
      return true;
    }).catch(ignoreClaimed);
    if (seeded) result.holidayYears.push(year);
  }
  const calendar = await loadWorkingCalendarFor(db, now);
  for (const kind of PROCESS_KINDS) {
    const { id, definition } = await activeDefinition(db, kind);
    if (!definition.recurrence) continue;
    const period = currentPeriod(definition.recurrence, now, calendar.timeZone);
    const outcome = await mutate(ctx, async (trx, audit) => {
      if (!(await claimCycle(trx, kind, period.key, now))) throw new AlreadyClaimed();
      const byHand = await runStartedSince(trx, kind, period.startsAt);
      if (byHand) {
        await setCycleInstance(trx, kind, period.key, byHand.id);
        await audit({
          action: 'workflow_cycle_link',
          subjectType: 'workflow_instance',
          subjectId: byHand.id,
          summary: { period: period.key },
        });
        return { linked: true as const };
      }
      const started = await startInstance(
        { trx, audit, actor: SYSTEM_ACTOR, calendar, now, siteUrl },
        {
          definitionId: id,
          definition,
          subjectType: 'process',
          subjectId: randomUUID(),
          subjectTitle: `${definition.title.id} ${period.label.id}`,
          agencyId: null,
        },
      );
      await setCycleInstance(trx, kind, period.key, started.instance.id);
      return { linked: false as const, instanceId: started.instance.id };
    }).catch(ignoreClaimed);
    if (!outcome) continue;
    if (outcome.linked) result.linked++;
    else result.started.push({ processKind: kind, period: period.key, instanceId: outcome.instanceId });
  }
  // The year's evaluation (a dataset collection SOP's yearly last steps): one run per year.
  const evaluationYear = dueEvaluationYear(now, calendar.timeZone);
  const evaluation = await mutate(ctx, async (trx, audit) => {
    const run = await startYearEndRun(
      { trx, audit, actor: SYSTEM_ACTOR, calendar, now, siteUrl },
      evaluationYear,
    );
    if (!run) throw new AlreadyClaimed();
    return run.id;
  }).catch(ignoreClaimed);
  if (evaluation)
    result.started.push({
      processKind: YEAR_END_CYCLE,
      period: String(evaluationYear),
      instanceId: evaluation,
    });
  if (result.started.length > 0) await deliverPendingMail(db);
  return result;
}

function ignoreClaimed(error: unknown): false {
  if (error instanceof AlreadyClaimed) return false;
  throw error;
}
