import type { Transaction } from 'kysely';
import type { ActionContext, Audit } from '../../kernel/actions/context.js';
import { mutate } from '../../kernel/actions/context.js';
import type { DB } from '../../kernel/db/schema.js';
import { ConflictError, NotAuthorizedError, ValidationError } from '../../kernel/errors.js';
import {
  actOnTask,
  type DecidedElsewhere,
  definitionOf,
  loadCalendar,
  loadTask,
  type RunEnv,
  type WorkflowStep,
  YEAR_END_SUBJECT,
  yearEndRun,
  yearEndStart,
} from '../workflows/index.js';
import { approveReport, insertReport, latestReport, returnReport, setReportRun } from './epss.repository.js';

/**
 * The yearly report and its approval (issue #16 item 4) as steps of the year's evaluation run
 * (workflows/year-end.ts): generating a version completes the run's first step (Jember 21, the
 * evaluation the secretariat drafts), and its leader step approves it or returns it with a
 * reason, which reopens step 21 for a new version. A region whose SOP has no yearly run
 * approves the version directly. Each change is one transaction with its audit rows.
 */

async function runEnv(ctx: ActionContext, trx: Transaction<DB>, audit: Audit, now: Date): Promise<RunEnv> {
  return { trx, audit, actor: ctx.actor, calendar: await loadCalendar(trx), now, siteUrl: ctx.siteUrl ?? '' };
}

const notAwaiting = (year: number) =>
  new ConflictError({
    id: `Laporan evaluasi ${year} tidak sedang menunggu persetujuan pimpinan`,
    en: `The evaluation report of ${year} is not awaiting the leader's approval`,
  });

const notGenerated = (year: number) =>
  new ConflictError({
    id: `Laporan evaluasi ${year} belum dibuat`,
    en: `The evaluation report of ${year} has not been generated`,
  });

/** The leader's step of the yearly run: it approves an earlier step and may approve or return. */
function isApprovalStep(step: WorkflowStep | undefined): boolean {
  return !!step?.transitions.some((t) => t.outcome === 'approve') && !!step.approves?.length;
}

/**
 * The leader's step of a yearly run is decided only by approving or returning the report (the
 * report's state moves with the run); the generic task form refuses it and the inbox links to
 * the evaluation page through `/evaluasi/laporan/tugas/:id` (which finds the run's year).
 */
export function reportApprovalDecidedHere(s: {
  subjectType: string;
  taskId: string;
  step: WorkflowStep;
}): DecidedElsewhere | null {
  if (s.subjectType !== YEAR_END_SUBJECT || !isApprovalStep(s.step)) return null;
  return {
    href: `/evaluasi/laporan/tugas/${s.taskId}`,
    where: {
      id: 'halaman evaluasi (setujui atau kembalikan laporan)',
      en: 'the evaluation page (approve or return the report)',
    },
  };
}

/** The year's run waiting at its leader step (approve/return), or undefined when it has no run. */
async function approvalTask(trx: Transaction<DB>, year: number) {
  const run = await yearEndRun(trx, year);
  if (!run) return undefined;
  const task = run.task;
  const step = task && definitionOf(run.instance).steps.find((s) => s.id === task.step_id);
  return { run, task: isApprovalStep(step) ? task : undefined };
}

export async function generateReport(ctx: ActionContext, year: number, now: Date = new Date()) {
  return mutate(ctx, async (trx, audit) => {
    const r = await insertReport(trx, year, ctx.actor.userId, ctx.actor.username, now);
    await audit({
      action: 'evaluation_report_generate',
      subjectType: 'evaluation_report',
      subjectId: r.id,
      summary: { year },
    });
    const run = await yearEndRun(trx, year);
    const first = run && yearEndStart(definitionOf(run.instance));
    if (run?.task && run.task.step_id === first) {
      await setReportRun(trx, r.id, run.instance.id);
      const loaded = await loadTask(trx, run.task.id, { forUpdate: true });
      try {
        await actOnTask(await runEnv(ctx, trx, audit, now), loaded, {
          outcome: 'done',
          note: `Laporan evaluasi ${year} dibuat (${now.toISOString().slice(0, 16).replace('T', ' ')} UTC)`,
        });
      } catch (err) {
        // Someone who may generate but not act in that step (the custodian for the secretariat):
        // the version stands, the step waits for its own actor.
        if (!(err instanceof NotAuthorizedError)) throw err;
      }
    }
    return r;
  });
}

export async function approveLatestReport(ctx: ActionContext, year: number, now: Date = new Date()) {
  return mutate(ctx, async (trx, audit) => {
    const latest = await latestReport(trx, year);
    if (!latest) throw notGenerated(year);
    const waiting = await approvalTask(trx, year);
    if (waiting && !waiting.task) throw notAwaiting(year);
    const r = await approveReport(trx, latest.id, ctx.actor.userId, ctx.actor.username, now);
    if (!r)
      throw new ConflictError({
        id: `Laporan evaluasi ${year} sudah disetujui atau dikembalikan`,
        en: `The evaluation report of ${year} is already approved or returned`,
      });
    await audit({
      action: 'evaluation_report_approve',
      subjectType: 'evaluation_report',
      subjectId: r.id,
      summary: { year, run: waiting?.run.instance.id ?? null },
    });
    if (waiting?.task) {
      const loaded = await loadTask(trx, waiting.task.id, { forUpdate: true });
      await actOnTask(await runEnv(ctx, trx, audit, now), loaded, {
        outcome: 'approve',
        note: `Laporan evaluasi ${year} disetujui`,
      });
    }
    return r;
  });
}

/** The leader returns the latest version with a reason; the run goes back to the secretariat. */
export async function returnLatestReport(
  ctx: ActionContext,
  year: number,
  reason: string,
  now: Date = new Date(),
) {
  if (!reason.trim())
    throw new ValidationError({
      reason: [{ id: 'Tulis alasan pengembalian laporan', en: 'Write why the report is returned' }],
    });
  return mutate(ctx, async (trx, audit) => {
    const latest = await latestReport(trx, year);
    if (!latest) throw notGenerated(year);
    const waiting = await approvalTask(trx, year);
    if (waiting && !waiting.task) throw notAwaiting(year);
    const r = await returnReport(trx, latest.id, {
      by: ctx.actor.userId,
      byName: ctx.actor.username,
      at: now,
      reason: reason.trim(),
    });
    if (!r) throw notAwaiting(year);
    await audit({
      action: 'evaluation_report_return',
      subjectType: 'evaluation_report',
      subjectId: r.id,
      summary: { year, reason: reason.trim(), run: waiting?.run.instance.id ?? null },
    });
    if (waiting?.task) {
      const loaded = await loadTask(trx, waiting.task.id, { forUpdate: true });
      await actOnTask(await runEnv(ctx, trx, audit, now), loaded, { outcome: 'return', note: reason.trim() });
    }
    return r;
  });
}
