import { z } from 'zod';
import { authorize } from '../../../kernel/access/policy.js';
import { defineAction } from '../../../kernel/actions/action.js';
import { mutate } from '../../../kernel/actions/context.js';
import { ConflictError, NotFoundError, ValidationError } from '../../../kernel/errors.js';
import { formatDateTime } from '../../../kernel/i18n/i18n.js';
import { deliverPendingMail } from '../../../kernel/notifications/mailer.js';
import { insertMails, insertNotifications } from '../../../kernel/notifications/notifications.repository.js';
import { loadCalendar } from '../../workflows/index.js';
import { serviceNow } from '../clock.js';
import { findRequestByCode, updateRequest } from '../data-requests.repository.js';
import { answerDue, IKM_ELEMENTS, objectionDue, objectionWindowEnd } from '../domain/legal-clock.js';
import { usersWithRoleEmail } from '../request-choices.repository.js';
import { requireRequest, tellRequester } from '../request-flow.js';
import { RequesterKeySchema, secretMatches } from './request-create.js';

const notFound = () =>
  new NotFoundError({ id: 'Permintaan data tidak ditemukan', en: 'Data request not found' });

async function loadOwn(trx: Parameters<typeof findRequestByCode>[0], code: string, secret: string) {
  const r = await findRequestByCode(trx, code, { forUpdate: true });
  if (!r?.verified_at || !secretMatches(r.status_secret, secret)) throw notFound();
  return r;
}

/**
 * The requester objects (keberatan, UU 14/2008 art. 35–36): after an answer, or when none came
 * by the due time, within 30 working days of either. It goes to the superior of the information
 * officer (the leader role), who must answer within 30 working days.
 */
export const dataRequestObject = defineAction({
  name: 'data_request_object',
  sideEffectFree: false,
  requires: 'data_request:create',
  input: RequesterKeySchema.extend({
    reason: z
      .string()
      .trim()
      .min(
        10,
        'Jelaskan keberatan Anda (minimal 10 karakter) / Explain your objection (at least 10 characters)',
      )
      .max(4000),
  }),
  authorize: (ctx) => authorize(ctx.actor, 'data_request:create'),
  async run(ctx, input) {
    const calendar = await loadCalendar(ctx.db);
    const now = serviceNow();
    const out = await mutate(ctx, async (trx, audit) => {
      const r = await loadOwn(trx, input.code, input.secret);
      if (r.objection_at)
        throw new ConflictError({
          id: 'Keberatan sudah diajukan',
          en: 'An objection has already been filed',
        });
      const due = answerDue(calendar, new Date(r.verified_at as Date), r.extension_days).due;
      const from = r.answered_at ? new Date(r.answered_at) : now > due ? due : null;
      if (!from)
        throw new ConflictError({
          id: 'Keberatan dapat diajukan setelah ada jawaban atau setelah batas waktu jawaban lewat',
          en: 'An objection can be filed once answered, or once the answer is overdue',
        });
      if (now > objectionWindowEnd(calendar, from))
        throw new ConflictError({
          id: 'Batas 30 hari kerja untuk mengajukan keberatan sudah lewat',
          en: 'The 30 working days to file an objection have passed',
        });
      const answerBy = objectionDue(calendar, now).due;
      const objected = await updateRequest(trx, r.id, {
        objection_at: now,
        objection_reason: input.reason,
        objection_due_at: null,
      });
      await audit({
        action: 'data_request_object',
        subjectType: 'data_request',
        subjectId: r.id,
        summary: { due: answerBy.toISOString() },
      });
      const tz = calendar.timeZone;
      await tellRequester(
        trx,
        objected,
        'objection',
        {
          id: `Keberatan Anda diterima dan diteruskan kepada atasan PPID. Jawaban paling lambat ${formatDateTime('id', answerBy, tz)} (30 hari kerja).`,
          en: `Your objection was received and passed to the information officer's superior. It is due to be answered by ${formatDateTime('en', answerBy, tz)} (30 working days).`,
        },
        { siteUrl: ctx.siteUrl ?? '', now },
      );
      const leaders = await usersWithRoleEmail(trx, 'leader');
      const link = `${ctx.siteUrl ?? ''}/kerja/permintaan-data/${r.id}`;
      await insertNotifications(
        trx,
        leaders.map((l) => ({
          user_id: l.id,
          task_id: null,
          title: `Keberatan atas permintaan data ${r.code}`,
          title_en: `Objection to data request ${r.code}`,
          link: `/kerja/permintaan-data/${r.id}`,
        })),
      );
      await insertMails(
        trx,
        leaders
          .filter((l) => l.email)
          .map((l) => ({
            to_address: l.email as string,
            subject: `Keberatan atas permintaan data ${r.code} / Objection to data request ${r.code}`,
            body: `Pemohon mengajukan keberatan. Jawab paling lambat ${formatDateTime('id', answerBy, tz)}: ${link}\n\nThe requester objected. Answer by ${formatDateTime('en', answerBy, tz)}: ${link}`,
          })),
      );
      return { code: r.code, objection_due: answerBy.toISOString() };
    });
    await deliverPendingMail(ctx.db);
    return out;
  },
});

/** The superior (leader) answers an objection: upheld (the request is reopened in substance) or rejected, with reasons. */
export const dataRequestObjectionAnswer = defineAction({
  name: 'data_request_objection_answer',
  sideEffectFree: false,
  requires: 'data_request:decide_objection',
  input: z.object({
    id: z.string().uuid(),
    decision: z.enum(['upheld', 'rejected'], { error: 'Pilih keputusan / Choose a decision' }),
    answer: z
      .string()
      .trim()
      .min(
        10,
        'Tulis jawaban atas keberatan (minimal 10 karakter) / Write the answer (at least 10 characters)',
      )
      .max(4000),
  }),
  authorize: (ctx) => authorize(ctx.actor, 'data_request:decide_objection'),
  async run(ctx, input) {
    const calendar = await loadCalendar(ctx.db);
    const now = serviceNow();
    const out = await mutate(ctx, async (trx, audit) => {
      const r = await requireRequest(trx, input.id, true);
      if (!r.objection_at || r.objection_answered_at)
        throw new ConflictError({
          id: 'Tidak ada keberatan yang menunggu jawaban',
          en: 'No objection awaits an answer',
        });
      const due = objectionDue(calendar, new Date(r.objection_at)).due;
      const answered = await updateRequest(trx, r.id, {
        objection_answered_at: now,
        objection_decision: input.decision,
        objection_answer: input.answer,
        objection_due_at: due,
      });
      await audit({
        action: 'data_request_objection_answer',
        subjectType: 'data_request',
        subjectId: r.id,
        summary: { decision: input.decision, on_time: now <= due },
      });
      await tellRequester(
        trx,
        answered,
        'objection_answer',
        {
          id: `Keberatan Anda ${input.decision === 'upheld' ? 'diterima' : 'ditolak'} oleh atasan PPID: ${input.answer}\nJika tidak puas, Anda dapat mengajukan sengketa ke Komisi Informasi.`,
          en: `Your objection was ${input.decision === 'upheld' ? 'upheld' : 'rejected'} by the information officer's superior: ${input.answer}\nIf not satisfied, you may take it to the Information Commission.`,
        },
        { siteUrl: ctx.siteUrl ?? '', now },
      );
      return { id: r.id, decision: input.decision };
    });
    await deliverPendingMail(ctx.db);
    return out;
  },
});

const score = z.coerce
  .number({ error: 'Nilai 1–4 / Score 1–4' })
  .int()
  .min(1, 'Nilai 1–4 / Score 1–4')
  .max(4, 'Nilai 1–4 / Score 1–4');

/** The satisfaction survey (IKM, PermenPAN-RB 14/2017): 9 elements scored 1–4, once, after the answer. */
export const dataRequestRate = defineAction({
  name: 'data_request_rate',
  sideEffectFree: false,
  requires: 'data_request:create',
  input: RequesterKeySchema.extend({
    scores: z.preprocess(
      (v) => (typeof v === 'string' ? v.split(',') : v),
      z
        .array(score)
        .length(IKM_ELEMENTS, `Isi ke-${IKM_ELEMENTS} unsur / Score all ${IKM_ELEMENTS} elements`),
    ),
    comment: z.string().trim().max(2000).default(''),
  }),
  authorize: (ctx) => authorize(ctx.actor, 'data_request:create'),
  async run(ctx, input) {
    const now = serviceNow();
    return mutate(ctx, async (trx, audit) => {
      const r = await loadOwn(trx, input.code, input.secret);
      if (!r.answered_at)
        throw new ConflictError({
          id: 'Penilaian dapat diberikan setelah permintaan dijawab',
          en: 'A rating can be given once the request is answered',
        });
      if (r.rated_at)
        throw new ConflictError({ id: 'Penilaian sudah diberikan', en: 'The rating has already been given' });
      if (input.scores.some((s) => !Number.isInteger(s)))
        throw new ValidationError({ scores: [{ id: 'Nilai 1–4', en: 'Score 1–4' }] });
      await updateRequest(trx, r.id, {
        rating: JSON.stringify(input.scores),
        rating_comment: input.comment || null,
        rated_at: now,
      });
      await audit({
        action: 'data_request_rate',
        subjectType: 'data_request',
        subjectId: r.id,
        summary: { scores: input.scores },
      });
      return { code: r.code, rated: true };
    });
  },
});
