import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { ANONYMOUS, authorize } from '../../../kernel/access/policy.js';
import { defineAction } from '../../../kernel/actions/action.js';
import { mutate } from '../../../kernel/actions/context.js';
import { NotFoundError, TooManyRequestsError, ValidationError } from '../../../kernel/errors.js';
import { formatDateTime } from '../../../kernel/i18n/i18n.js';
import { deliverPendingMail } from '../../../kernel/notifications/mailer.js';
import { insertMails } from '../../../kernel/notifications/notifications.repository.js';
import { loadCalendar, startInstance } from '../../workflows/index.js';
import { serviceNow } from '../clock.js';
import { countRecent, findRequestByCode, insertRequest, updateRequest } from '../data-requests.repository.js';
import { answerDue } from '../domain/legal-clock.js';
import { requestDefinition, statusLink, tellRequester } from '../request-flow.js';

/** Rate limits (per hour): requests from one address, and to one e-mail. */
export const LIMIT_PER_ADDRESS = 5;
export const LIMIT_PER_EMAIL = 3;
const HOUR_MS = 3_600_000;

const text = (max: number, what: { id: string; en: string }) =>
  z
    .string({ error: `${what.id} wajib diisi / ${what.en} is required` })
    .trim()
    .min(1, `${what.id} wajib diisi / ${what.en} is required`)
    .max(max, `${what.id} maksimal ${max} karakter / ${what.en} is at most ${max} characters`);
const optional = (max: number, what: { id: string; en: string }) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z
      .string()
      .trim()
      .max(max, `${what.id} maksimal ${max} karakter / ${what.en} is at most ${max} characters`)
      .optional(),
  );

export const DataRequestCreateSchema = z.object({
  /** The requester's name (seen only by staff handling the request). */
  name: text(200, { id: 'Nama', en: 'Name' }),
  /** Confirmed by a link before the request counts. */
  email: z.string().trim().toLowerCase().max(254).email('Alamat surel tidak sah / Invalid e-mail address'),
  phone: optional(40, { id: 'Telepon', en: 'Phone' }),
  organisation: optional(200, { id: 'Organisasi', en: 'Organisation' }),
  /** The data asked for, in the requester's words. */
  asked: text(4000, { id: 'Data yang diminta', en: 'Data asked for' }).refine((v) => v.length >= 10, {
    message: 'Jelaskan data yang diminta (minimal 10 karakter) / Describe the data (at least 10 characters)',
  }),
  region: optional(200, { id: 'Wilayah', en: 'Region' }),
  period: optional(100, { id: 'Periode', en: 'Period' }),
  format: optional(50, { id: 'Format', en: 'Format' }),
  purpose: text(2000, { id: 'Tujuan penggunaan', en: 'Purpose' }),
  delivery: z.enum(['file', 'link'], { error: 'Pilih cara penyampaian / Choose a delivery' }).default('file'),
  locale: z.enum(['id', 'en']).default('id'),
  /** The honeypot: hidden from people; a bot that fills it is refused. */
  website: z.string().max(500).optional(),
});

function newCode(): string {
  const alphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
  const bytes = randomBytes(8);
  return `PD-${[...bytes].map((b) => alphabet[b % alphabet.length]).join('')}`;
}

/** A one-way hash of the sender's address: enough to count a burst, useless to identify anyone. */
function ipHash(ip: string | null): string | null {
  return ip ? createHash('sha256').update(`data-request:${ip}`).digest('hex') : null;
}

/**
 * File a data request (anyone, no account). It counts only once its e-mail is confirmed
 * (data_request_verify): until then no staff member sees it and no clock runs. Refused: a filled
 * honeypot, a burst from one address or to one e-mail.
 */
export const dataRequestCreate = defineAction({
  name: 'data_request_create',
  sideEffectFree: false,
  requires: 'data_request:create',
  input: DataRequestCreateSchema,
  authorize: (ctx) => authorize(ctx.actor, 'data_request:create'),
  async run(ctx, input) {
    if (input.website)
      throw new ValidationError(
        { website: [{ id: 'Isian ini harus kosong', en: 'This field must be empty' }] },
        { id: 'Permintaan ditolak', en: 'Request refused' },
      );
    const now = serviceNow();
    const since = new Date(now.getTime() - HOUR_MS);
    const hash = ipHash(ctx.ip);
    if (
      (hash && (await countRecent(ctx.db, since, { ipHash: hash })) >= LIMIT_PER_ADDRESS) ||
      (await countRecent(ctx.db, since, { email: input.email })) >= LIMIT_PER_EMAIL
    )
      throw new TooManyRequestsError({
        id: 'Terlalu banyak permintaan dalam satu jam. Coba lagi nanti.',
        en: 'Too many requests within an hour. Try again later.',
      });
    const secret = randomBytes(24).toString('base64url');
    const created = await mutate(ctx, async (trx, audit) => {
      const r = await insertRequest(trx, {
        code: newCode(),
        status_secret: secret,
        requester_name: input.name,
        email: input.email,
        phone: input.phone ?? null,
        organisation: input.organisation ?? null,
        asked: input.asked,
        region: input.region ?? null,
        period: input.period ?? null,
        format: input.format ?? null,
        purpose: input.purpose,
        delivery: input.delivery,
        locale: input.locale,
        ip_hash: hash,
        created_at: now,
      });
      await audit({
        action: 'data_request_create',
        subjectType: 'data_request',
        subjectId: r.id,
        summary: { code: r.code },
      });
      const link = statusLink(ctx.siteUrl ?? '', r);
      await insertMails(trx, [
        {
          to_address: r.email,
          subject:
            r.locale === 'en'
              ? `Confirm your data request ${r.code}`
              : `Konfirmasi permintaan data ${r.code}`,
          body:
            r.locale === 'en'
              ? `You (we hope) asked for data on the Satu Data portal. Your tracking code is ${r.code}.\n\nOpen this private link and press "Confirm" so that the request counts:\n${link}\n\nKeep this link: it shows where your request is. If it was not you, ignore this e-mail.`
              : `Anda (semoga benar Anda) meminta data di portal Satu Data. Kode pelacakan Anda ${r.code}.\n\nBuka tautan pribadi ini dan tekan "Konfirmasi" agar permintaan dihitung:\n${link}\n\nSimpan tautan ini: di sana Anda melihat posisi permintaan Anda. Jika bukan Anda, abaikan surel ini.`,
        },
      ]);
      return r;
    });
    await deliverPendingMail(ctx.db);
    return { code: created.code, state: created.state };
  },
});

/** Does `given` match the request's status secret (constant time)? */
export function secretMatches(stored: string, given: string): boolean {
  const a = Buffer.from(stored);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

const notFound = () =>
  new NotFoundError({ id: 'Permintaan data tidak ditemukan', en: 'Data request not found' });

export const RequesterKeySchema = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^PD-[0-9A-Z]{4,12}$/, 'Kode tidak sah / Invalid code'),
  secret: z.string().min(1).max(100),
});

/**
 * Confirm a request's e-mail (the requester, by the private link): the request now counts, the
 * legal clock starts, and the SOP's run starts at the sub-coordinator's disposition.
 */
export const dataRequestVerify = defineAction({
  name: 'data_request_verify',
  sideEffectFree: false,
  requires: 'data_request:create',
  input: RequesterKeySchema,
  authorize: (ctx) => authorize(ctx.actor, 'data_request:create'),
  async run(ctx, input) {
    const now = serviceNow();
    const calendar = await loadCalendar(ctx.db);
    const { id, definition } = await requestDefinition(ctx.db);
    const result = await mutate(ctx, async (trx, audit) => {
      const r = await findRequestByCode(trx, input.code, { forUpdate: true });
      if (!r || !secretMatches(r.status_secret, input.secret)) throw notFound();
      if (r.verified_at) return r;
      const start = definition.steps.find((s) => s.id === definition.start);
      const first = start?.role === 'public' ? start.transitions[0]?.to : definition.start;
      const env = { trx, audit, actor: ANONYMOUS, calendar, now, siteUrl: ctx.siteUrl ?? '' };
      const { instance } = await startInstance(env, {
        definitionId: id,
        definition,
        subjectType: 'data_request',
        subjectId: r.id,
        subjectTitle: `${r.code}: ${r.asked.slice(0, 120)}`,
        agencyId: null,
        ...(first && first !== 'end' ? { atStep: first } : {}),
      });
      const verified = await updateRequest(trx, r.id, {
        state: 'open',
        verified_at: now,
        instance_id: instance.id,
      });
      await audit({
        action: 'data_request_verify',
        subjectType: 'data_request',
        subjectId: r.id,
        summary: { code: r.code },
      });
      const due = answerDue(calendar, now, 0).due;
      await tellRequester(
        trx,
        verified,
        'filed',
        {
          id: `Permintaan Anda diterima dan mulai dihitung. Jawaban paling lambat ${fmt('id', due, calendar.timeZone)} (10 hari kerja).`,
          en: `Your request was received and its clock is running. The answer is due by ${fmt('en', due, calendar.timeZone)} (10 working days).`,
        },
        { siteUrl: ctx.siteUrl ?? '', now },
      );
      return verified;
    });
    await deliverPendingMail(ctx.db);
    return { code: result.code, state: result.state };
  },
});

function fmt(locale: 'id' | 'en', d: Date, timeZone: string): string {
  return formatDateTime(locale, d, timeZone);
}
