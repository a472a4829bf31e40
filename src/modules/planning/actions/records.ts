import type { Kysely } from 'kysely';
import { z } from 'zod';
import { authorize } from '../../../kernel/access/policy.js';
import { defineAction } from '../../../kernel/actions/action.js';
import { type ActionContext, mutate } from '../../../kernel/actions/context.js';
import type { PlanningRecordKind, Signatory } from '../../../kernel/db/schema/planning.js';
import type { DB } from '../../../kernel/db/schema.js';
import { getSetting } from '../../../kernel/db/settings.repository.js';
import { ConflictError, NotFoundError, ValidationError } from '../../../kernel/errors.js';
import { StoredUploadSchema } from '../../../kernel/storage/stored-upload.js';
import { advanceCycle, openCollection } from '../cycle-run.js';
import { findList, listItems, updateList } from '../data-list.repository.js';
import { periodsOf } from '../domain/columns.js';
import { findMeeting } from '../forum.repository.js';
import { insertObligationOnce } from '../fulfilment.repository.js';
import { findRecord, findRecordId, upsertRecord } from '../planning-records.repository.js';
import { type RecordModel, renderRecordDocx, renderRecordPdf } from '../records.js';
import { assertOpen, listNotFound, requireManage, Uuid, Year } from './common.js';
import { runEnv } from './forum.js';

const KIND = z.enum(['berita_acara', 'sk_draft'], {
  error: 'Jenis dokumen tidak dikenal / Unknown record kind',
});
const AGREED = ['agreed', 'changed'] as const;

async function regionName(db: Kysely<DB>): Promise<string> {
  const site = await getSetting<{ regionName?: string }>(db, 'site');
  return site?.regionName ?? 'Daerah';
}

/** The record's content from the list as agreed now (an enacted list no longer changes). */
export async function recordModel(
  db: Kysely<DB>,
  year: number,
  kind: PlanningRecordKind,
): Promise<RecordModel> {
  const list = await findList(db, year);
  if (!list) throw listNotFound(year);
  const record = await findRecord(db, year, kind);
  if (!record)
    throw new NotFoundError({
      id: `Dokumen ${kind === 'berita_acara' ? 'Berita Acara' : 'SK'} tahun ${year} belum dibuat`,
      en: `The ${kind === 'berita_acara' ? 'agreement record' : 'decree draft'} of ${year} has not been generated`,
    });
  const meeting = record.meeting_id ? await findMeeting(db, record.meeting_id) : undefined;
  const items = (await listItems(db, list.id)).filter((i) =>
    (AGREED as readonly string[]).includes(i.status),
  );
  return {
    kind,
    year,
    regionName: await regionName(db),
    meeting: meeting
      ? { title: meeting.title, heldOn: String(meeting.held_on).slice(0, 10), place: meeting.place }
      : null,
    items: items.map((i) => ({
      idDdd: i.id_ddd,
      dataName: i.data_name,
      agency: i.agency_name,
      kind: i.kind,
      schedule: i.update_schedule,
      riskClass: i.risk_class,
    })),
    signatories: record.signatories as Signatory[],
  };
}

export async function recordFile(
  ctx: ActionContext,
  year: number,
  kind: PlanningRecordKind,
  format: 'docx' | 'pdf',
): Promise<Buffer> {
  authorize(ctx.actor, 'workspace:open');
  const model = await recordModel(ctx.db, year, kind);
  return format === 'docx' ? renderRecordDocx(model) : renderRecordPdf(model);
}

const Signatories = z.preprocess(
  (v) =>
    typeof v === 'string'
      ? v
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean)
          .map((l) => {
            const [name, ...role] = l.split('|');
            return { name: (name ?? '').trim(), role: role.join('|').trim() };
          })
      : v,
  z.array(z.object({ name: z.string().trim().min(1).max(200), role: z.string().trim().max(300) })).max(30),
);

/**
 * Generate the Berita Acara Kesepakatan (and the draft SK) from the agreed rows: the list
 * becomes 'agreed', and the year's cycle run moves past its records step.
 */
export const planningRecordGenerate = defineAction({
  name: 'planning_record_generate',
  sideEffectFree: false,
  requires: 'data_list:manage',
  input: z.object({
    year: Year,
    kind: KIND,
    meeting_id: z.preprocess((v) => (v === '' ? undefined : v), Uuid('rapat / meeting').optional()),
    signatories: Signatories.optional(),
  }),
  authorize: (ctx) => requireManage(ctx.actor),
  async run(ctx, input) {
    return mutate(ctx, async (trx, audit) => {
      const list = await findList(trx, input.year, { forUpdate: true });
      if (!list) throw listNotFound(input.year);
      assertOpen(list);
      const items = await listItems(trx, list.id);
      if (!items.some((i) => (AGREED as readonly string[]).includes(i.status)))
        throw new ConflictError({
          id: `Belum ada baris yang disepakati forum pada daftar data ${input.year}`,
          en: `No row of the ${input.year} list has been agreed by the forum yet`,
        });
      if (input.meeting_id) {
        const m = await findMeeting(trx, input.meeting_id);
        if (!m || m.year !== input.year)
          throw new ValidationError({
            meeting_id: [
              { id: 'Rapat forum tidak ditemukan untuk tahun ini', en: 'No such forum meeting this year' },
            ],
          });
      }
      const values = {
        year: input.year,
        kind: input.kind,
        meeting_id: input.meeting_id ?? null,
        list_version: list.version,
        signatories: JSON.stringify(input.signatories ?? []),
        generated_by: ctx.actor.userId,
        generated_at: new Date(),
      };
      const rec = await upsertRecord(trx, values);
      if (input.kind === 'berita_acara')
        await updateList(trx, list.id, { status: 'agreed', updated_at: new Date() });
      await audit({
        action: 'planning_record_generate',
        subjectType: 'planning_record',
        subjectId: rec.id,
        summary: {
          year: input.year,
          kind: input.kind,
          list_version: list.version,
          signatories: (input.signatories ?? []).length,
        },
      });
      const advanced =
        input.kind === 'berita_acara'
          ? await advanceCycle(await runEnv(ctx, trx, audit), input.year, 'records', {
              note: `Berita Acara Kesepakatan Daftar Data ${input.year}`,
            })
          : 0;
      const base = `/workspace/daftar-data/${input.year}/dokumen/${input.kind === 'berita_acara' ? 'berita-acara' : 'sk'}`;
      return { id: rec.id, docx: `${base}.docx`, pdf: `${base}.pdf`, cycle_steps_completed: advanced };
    });
  },
});

export const planningRecordDownload = defineAction({
  name: 'planning_record_download',
  sideEffectFree: true,
  requires: 'workspace:open',
  input: z.object({ year: Year, kind: KIND, format: z.enum(['docx', 'pdf']).default('pdf') }),
  authorize: (ctx) => authorize(ctx.actor, 'workspace:open'),
  async run(ctx, input) {
    const file = await recordFile(ctx, input.year, input.kind, input.format);
    return {
      file_name: `${input.kind === 'berita_acara' ? 'berita-acara' : 'sk'}-daftar-data-${input.year}.${input.format}`,
      file: file.toString('base64'),
    };
  },
});

/**
 * Enact the year's list: the signed decree (number, scan) is recorded, the list is frozen,
 * each owed row becomes its agency's expectations per period, and the collection step of the
 * region's SOP fans out to exactly the agencies of the list.
 */
export const dataListEnact = defineAction({
  name: 'data_list_enact',
  sideEffectFree: false,
  requires: 'data_list:manage',
  acceptsUpload: true,
  input: z.object({
    year: Year,
    decree_number: z.string().trim().min(1, 'Nomor SK wajib diisi / Decree number is required').max(200),
    upload: StoredUploadSchema.optional(),
  }),
  authorize: (ctx) => requireManage(ctx.actor),
  async run(ctx, input) {
    return mutate(ctx, async (trx, audit) => {
      const list = await findList(trx, input.year, { forUpdate: true });
      if (!list) throw listNotFound(input.year);
      assertOpen(list);
      const ba = await findRecordId(trx, input.year, 'berita_acara');
      if (list.status !== 'agreed' || !ba)
        throw new ConflictError({
          id: `Daftar data ${input.year} belum disepakati: buat Berita Acara Kesepakatan dahulu`,
          en: `The ${input.year} list is not agreed yet: generate the agreement record first`,
        });
      const items = await listItems(trx, list.id);
      const undecided = items.filter((i) => i.status === 'planned').map((i) => i.id_ddd);
      if (undecided.length)
        throw new ConflictError({
          id: `Baris belum diputuskan forum: ${undecided.slice(0, 10).join(', ')}`,
          en: `Rows the forum has not decided yet: ${undecided.slice(0, 10).join(', ')}`,
        });
      const owed = items.filter((i) => (AGREED as readonly string[]).includes(i.status));
      for (const i of owed)
        for (const p of periodsOf(i.update_schedule, input.year))
          await insertObligationOnce(trx, {
            item_id: i.id,
            agency_id: i.agency_id,
            period: p.period,
            due_on: p.dueOn,
          });
      const agencyIds = [...new Set(owed.map((i) => i.agency_id))];
      const now = new Date();
      await updateList(trx, list.id, {
        status: 'enacted',
        decree_number: input.decree_number,
        decree_file_key: input.upload?.key ?? null,
        decree_file_name: input.upload?.fileName ?? null,
        enacted_at: now,
        updated_at: now,
      });
      await audit({
        action: 'data_list_enact',
        subjectType: 'data_list',
        subjectId: list.id,
        summary: {
          year: input.year,
          decree_number: input.decree_number,
          items: owed.length,
          agencies: agencyIds.length,
          ...(input.upload ? { file: input.upload.fileName } : {}),
        },
      });
      const run = await openCollection(
        await runEnv(ctx, trx, audit),
        input.year,
        agencyIds,
        `SK ${input.decree_number}`,
      );
      if (run.instanceId) await updateList(trx, list.id, { collection_instance_id: run.instanceId });
      return {
        year: input.year,
        status: 'enacted',
        items: owed.length,
        agencies: agencyIds.length,
        instance_id: run.instanceId,
      };
    });
  },
});
