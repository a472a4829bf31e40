import type { Transaction } from 'kysely';
import { z } from 'zod';
import { authorize } from '../../../kernel/access/policy.js';
import { defineAction } from '../../../kernel/actions/action.js';
import { type ActionContext, type Audit, mutate } from '../../../kernel/actions/context.js';
import type { DB } from '../../../kernel/db/schema.js';
import { ConflictError, NotFoundError, ValidationError } from '../../../kernel/errors.js';
import { loadCalendar, type RunEnv } from '../../workflows/index.js';
import { advanceCycle } from '../cycle-run.js';
import { findList, updateItem, updateList } from '../data-list.repository.js';
import { FORUM_DECISIONS } from '../domain/columns.js';
import {
  decisionsOf,
  findItemWithYear,
  findMeeting,
  insertMeeting,
  lockMeeting,
  updateMeeting,
  upsertDecision,
} from '../forum.repository.js';
import { assertOpen, listNotFound, requireManage, Text, Uuid, Year } from './common.js';

/** The run environment of a planning change (the cycle run's steps move in the same transaction). */
export async function runEnv(ctx: ActionContext, trx: Transaction<DB>, audit: Audit): Promise<RunEnv> {
  return {
    trx,
    audit,
    actor: ctx.actor,
    calendar: await loadCalendar(trx),
    now: new Date(),
    siteUrl: ctx.siteUrl ?? '',
  };
}

const Invitee = z.object({
  agencyId: z.string().uuid().nullable().optional(),
  name: z.string().trim().min(1).max(300),
});
const Lines = z.preprocess(
  (v) =>
    typeof v === 'string'
      ? v
          .split('\n')
          .map((s) => s.trim())
          .filter(Boolean)
      : v,
  z.array(z.string().trim().min(1).max(300)).max(300),
);

/** A meeting of the Forum Satu Data: agenda, invitees across agencies, BPS and Bappeda. */
export const forumMeetingCreate = defineAction({
  name: 'forum_meeting_create',
  sideEffectFree: false,
  requires: 'data_list:manage',
  input: z.object({
    year: Year,
    title: z.string().trim().min(3, 'Judul minimal 3 karakter / Title needs 3 characters').max(300),
    held_on: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Tanggal harus YYYY-MM-DD / Date must be YYYY-MM-DD'),
    place: Text(300).optional(),
    agenda: Text(5000).optional(),
    /** Invitees: names (one per line in the form) or {agencyId, name}. */
    invitees: z.union([z.array(Invitee), Lines]).optional(),
    /** The data-list forum (default) or the yearly evaluation's coordination meeting (issue #16). */
    purpose: z.enum(['data_list', 'evaluation']).default('data_list'),
  }),
  authorize: (ctx) => requireManage(ctx.actor),
  async run(ctx, input) {
    const invitees = (input.invitees ?? []).map((i) =>
      typeof i === 'string' ? { agencyId: null, name: i } : { agencyId: i.agencyId ?? null, name: i.name },
    );
    return mutate(ctx, async (trx, audit) => {
      const m = await insertMeeting(trx, {
        year: input.year,
        title: input.title,
        held_on: input.held_on,
        place: input.place ?? '',
        agenda: input.agenda ?? '',
        invitees: JSON.stringify(invitees),
        attendance: JSON.stringify([]),
        created_by: ctx.actor.userId,
        purpose: input.purpose,
      });
      await audit({
        action: 'forum_meeting_create',
        subjectType: 'forum_meeting',
        subjectId: m.id,
        summary: {
          year: input.year,
          title: input.title,
          held_on: input.held_on,
          invitees: invitees.length,
          purpose: input.purpose,
        },
      });
      return { id: m.id };
    });
  },
});

export const forumMeetingShow = defineAction({
  name: 'forum_meeting_show',
  sideEffectFree: true,
  requires: 'workspace:open',
  input: z.object({ id: Uuid('rapat / meeting') }),
  authorize: (ctx) => authorize(ctx.actor, 'workspace:open'),
  async run(ctx, input) {
    const m = await findMeeting(ctx.db, input.id);
    if (!m) throw new NotFoundError({ id: 'Rapat forum tidak ditemukan', en: 'Forum meeting not found' });
    return { ...m, held_on: String(m.held_on).slice(0, 10), decisions: await decisionsOf(ctx.db, m.id) };
  },
});

/**
 * The minutes (Notulensi) and attendance of a meeting. Recording a data-list forum's completes
 * the year's cycle run at its forum step (EPSS 40302 names the minutes as evidence); an
 * evaluation meeting's minutes leave the data-list run alone.
 */
export const forumMinutesRecord = defineAction({
  name: 'forum_minutes_record',
  sideEffectFree: false,
  requires: 'data_list:manage',
  input: z.object({
    id: Uuid('rapat / meeting'),
    minutes: z
      .string()
      .trim()
      .min(10, 'Notulensi minimal 10 karakter / Minutes need 10 characters')
      .max(50_000),
    attendance: Lines.optional(),
  }),
  authorize: (ctx) => requireManage(ctx.actor),
  async run(ctx, input) {
    return mutate(ctx, async (trx, audit) => {
      const m = await lockMeeting(trx, input.id);
      if (!m) throw new NotFoundError({ id: 'Rapat forum tidak ditemukan', en: 'Forum meeting not found' });
      await updateMeeting(trx, m.id, {
        minutes: input.minutes,
        attendance: JSON.stringify(input.attendance ?? []),
        minutes_recorded_at: new Date(),
      });
      await audit({
        action: 'forum_minutes_record',
        subjectType: 'forum_meeting',
        subjectId: m.id,
        summary: { attendance: (input.attendance ?? []).length, length: input.minutes.length },
      });
      const advanced =
        m.purpose === 'data_list'
          ? await advanceCycle(await runEnv(ctx, trx, audit), m.year, 'forum', {
              note: `Notulensi ${m.title} (${String(m.held_on).slice(0, 10)})`,
            })
          : 0;
      return { id: m.id, cycle_steps_completed: advanced };
    });
  },
});

const STATUS_OF = {
  agreed: 'agreed',
  changed: 'changed',
  refused: 'refused',
  postponed: 'postponed',
} as const;

/** The forum's decision on one candidate row (agreed, changed, refused, postponed): it sets the row's status. */
export const forumDecisionRecord = defineAction({
  name: 'forum_decision_record',
  sideEffectFree: false,
  requires: 'data_list:manage',
  input: z.object({
    meeting_id: Uuid('rapat / meeting'),
    item_id: Uuid('baris / row'),
    decision: z.enum(FORUM_DECISIONS, {
      error:
        'Keputusan: agreed, changed, refused atau postponed / Decision: agreed, changed, refused or postponed',
    }),
    note: Text(2000).optional(),
  }),
  authorize: (ctx) => requireManage(ctx.actor),
  async run(ctx, input) {
    return mutate(ctx, async (trx, audit) => {
      const m = await findMeeting(trx, input.meeting_id);
      if (!m) throw new NotFoundError({ id: 'Rapat forum tidak ditemukan', en: 'Forum meeting not found' });
      const item = await findItemWithYear(trx, input.item_id);
      if (!item)
        throw new NotFoundError({ id: 'Baris daftar data tidak ditemukan', en: 'Data list row not found' });
      if (item.year !== m.year)
        throw new ConflictError({
          id: `Baris ${item.id_ddd} bukan bagian daftar data tahun ${m.year}`,
          en: `Row ${item.id_ddd} is not in the ${m.year} data list`,
        });
      const list = await findList(trx, m.year, { forUpdate: true });
      if (!list) throw listNotFound(m.year);
      assertOpen(list);
      if ((input.decision === 'changed' || input.decision === 'refused') && !input.note?.trim())
        throw new ValidationError({
          note: [
            {
              id: `Keputusan "${input.decision}" untuk baris ${item.id_ddd} memerlukan catatan`,
              en: `Decision "${input.decision}" on row ${item.id_ddd} needs a note`,
            },
          ],
        });
      await upsertDecision(trx, {
        meeting_id: m.id,
        item_id: item.id,
        decision: input.decision,
        note: input.note ?? '',
        decided_at: new Date(),
      });
      await updateItem(trx, item.id, { status: STATUS_OF[input.decision], updated_at: new Date() });
      if (list.status === 'draft')
        await updateList(trx, list.id, { status: 'discussed', updated_at: new Date() });
      await audit({
        action: 'forum_decision_record',
        subjectType: 'data_list_item',
        subjectId: item.id,
        summary: { meeting: m.id, id_ddd: item.id_ddd, decision: input.decision, note: input.note ?? '' },
      });
      return { item_id: item.id, status: STATUS_OF[input.decision] };
    });
  },
});
