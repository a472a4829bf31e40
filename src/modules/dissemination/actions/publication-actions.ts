import { z } from 'zod';
import { ANONYMOUS, authorize, can } from '../../../kernel/access/policy.js';
import { defineAction } from '../../../kernel/actions/action.js';
import { type ActionContext, mutate } from '../../../kernel/actions/context.js';
import { ConflictError, NotFoundError, ValidationError } from '../../../kernel/errors.js';
import { deliverPendingMail } from '../../../kernel/notifications/mailer.js';
import { collectBook } from '../book/book-content.js';
import { bookHash, sourcesOf } from '../book/book-hash.js';
import { BookSpecSchema } from '../book/book-spec.js';
import {
  chartNamesExist,
  findEditionIdByHash,
  findPublication,
  insertEdition,
  insertPublication,
  listPublished,
  lockPublication,
  type PublicationView,
  updatePublication,
} from '../publication.repository.js';
import { awaitsStaff, runEnv, submitPublication } from '../publication-flow.js';
import { slugOf } from './chart-actions.js';

const KINDS = ['infographic', 'presentation', 'report', 'book'] as const;
const NAME = z
  .string()
  .trim()
  .regex(/^[a-z0-9-]{1,100}$/, 'Nama publikasi tidak dikenal / Unknown publication name');
const optionalUuid = z.preprocess((v) => (v === '' ? undefined : v), z.string().uuid().optional());
const chartList = z.preprocess(
  (v) => (typeof v === 'string' ? v.split(/[\s,]+/).filter(Boolean) : v),
  z
    .array(z.string().regex(/^[a-z0-9-]{1,100}$/))
    .max(20)
    .default([]),
);

const FIELDS = {
  title: z
    .string()
    .trim()
    .min(3, 'Judul minimal 3 karakter / Title needs at least 3 characters')
    .max(300, 'Judul maksimal 300 karakter / Title is at most 300 characters'),
  title_en: z.string().trim().max(300).default(''),
  narrative: z.string().trim().max(20_000).default(''),
  narrative_en: z.string().trim().max(20_000).default(''),
  topic_id: optionalUuid,
  charts: chartList,
  planned_release: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'Tanggal rilis berbentuk TTTT-BB-HH / Release date is YYYY-MM-DD')
      .optional(),
  ),
};

const notFound = () => new NotFoundError({ id: 'Publikasi tidak ditemukan', en: 'Publication not found' });

/** May the actor see this publication: published, or a draft in their reach (`publication:read_draft`). */
export function maySee(ctx: ActionContext, p: PublicationView): boolean {
  return p.published_at !== null || can(ctx.actor, 'publication:read_draft', { agencyId: p.agency_id });
}

async function chartsFor(ctx: ActionContext, names: string[]) {
  const found = await chartNamesExist(ctx.db, names);
  const missing = names.filter((n) => !found.some((f) => f.name === n));
  if (missing.length)
    throw new ValidationError({
      charts: [
        {
          id: `Grafik tidak ditemukan: ${missing.join(', ')}`,
          en: `Charts not found: ${missing.join(', ')}`,
        },
      ],
    });
  return found;
}

/** publication_create: a draft publication (infographic from saved charts, report, book…); nothing is public yet. */
export const publicationCreate = defineAction({
  name: 'publication_create',
  sideEffectFree: false,
  requires: 'publication:create',
  input: z.object({
    kind: z
      .enum(KINDS, { error: 'Jenis publikasi tidak dikenal / Unknown publication kind' })
      .default('infographic'),
    ...FIELDS,
    agency_id: optionalUuid,
    /** The URL name; by default made from the title. */
    name: NAME.optional(),
    book: z.preprocess((v) => {
      if (typeof v !== 'string') return v || undefined;
      if (!v.trim()) return undefined;
      try {
        return JSON.parse(v);
      } catch {
        return v; // refused below as not an object, with the field named
      }
    }, BookSpecSchema.optional()),
  }),
  authorize(ctx, input) {
    authorize(ctx.actor, 'publication:create', { agencyId: input.agency_id ?? ctx.actor.agencyId });
  },
  async run(ctx, input) {
    const book = input.kind === 'book' ? input.book : undefined;
    if (input.kind === 'book' && !input.book)
      throw new ValidationError({
        book: [
          { id: 'Buku data perlu definisi bab dan tabel', en: 'A data book needs its chapters and tables' },
        ],
      });
    const charts = await chartsFor(ctx, input.charts);
    const agencyId = input.agency_id ?? ctx.actor.agencyId ?? charts[0]?.agency_id ?? null;
    const name = input.name ?? slugOf(input.title);
    return mutate(ctx, async (trx, audit) => {
      if (input.name && (await findPublication(trx, input.name)))
        throw new ValidationError({
          name: [{ id: `Nama ${input.name} sudah dipakai`, en: `The name ${input.name} is taken` }],
        });
      const p = await insertPublication(trx, {
        name,
        kind: input.kind,
        title: input.title,
        title_en: input.title_en,
        narrative: input.narrative,
        narrative_en: input.narrative_en,
        topic_id: input.topic_id ?? null,
        agency_id: agencyId,
        chart_ids: JSON.stringify(charts.map((c) => c.name)),
        book: book ? JSON.stringify(book) : null,
        planned_release: input.planned_release ?? null,
        created_by: ctx.actor.userId,
      });
      await audit({
        action: 'publication_create',
        subjectType: 'publication',
        subjectId: p.id,
        summary: { name, kind: input.kind, charts: charts.map((c) => c.name) },
      });
      return { name: p.name, state: 'draft' };
    });
  },
});

/** publication_update: the drafting staff edit a draft or a returned publication (a new version). */
export const publicationUpdate = defineAction({
  name: 'publication_update',
  sideEffectFree: false,
  requires: 'publication:create',
  input: z.object({
    name: NAME,
    title: FIELDS.title.optional(),
    title_en: z.string().trim().max(300).optional(),
    narrative: z.string().trim().max(20_000).optional(),
    narrative_en: z.string().trim().max(20_000).optional(),
    topic_id: optionalUuid,
    charts: chartList.optional(),
    planned_release: FIELDS.planned_release,
  }),
  async authorize(ctx, input) {
    const p = await findPublication(ctx.db, input.name);
    if (!p || !maySee(ctx, p)) throw notFound();
    authorize(ctx.actor, 'publication:create', { agencyId: p.agency_id });
  },
  async run(ctx, input) {
    const charts = input.charts ? await chartsFor(ctx, input.charts) : undefined;
    return mutate(ctx, async (trx, audit) => {
      const p = await lockPublication(trx, input.name);
      if (!p) throw notFound();
      if (!(await awaitsStaff(trx, p)))
        throw new ConflictError({
          id: `Publikasi "${p.title}" sedang diperiksa atau sudah terbit; tidak dapat diubah`,
          en: `Publication "${p.title}" is being checked or is published; it cannot be changed`,
        });
      const set = {
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.title_en !== undefined ? { title_en: input.title_en } : {}),
        ...(input.narrative !== undefined ? { narrative: input.narrative } : {}),
        ...(input.narrative_en !== undefined ? { narrative_en: input.narrative_en } : {}),
        ...(input.topic_id !== undefined ? { topic_id: input.topic_id } : {}),
        ...(charts ? { chart_ids: JSON.stringify(charts.map((c) => c.name)) } : {}),
        ...(input.planned_release !== undefined ? { planned_release: input.planned_release } : {}),
      };
      await updatePublication(trx, p.id, { ...set, version: p.version + 1, updated_at: new Date() });
      await audit({
        action: 'publication_update',
        subjectType: 'publication',
        subjectId: p.id,
        summary: { name: p.name, version: p.version + 1, fields: Object.keys(set) },
      });
      return { name: p.name, version: p.version + 1 };
    });
  },
});

/** publication_submit: send the draft (or the corrected work) through the dissemination SOP. */
export const publicationSubmit = defineAction({
  name: 'publication_submit',
  sideEffectFree: false,
  requires: 'publication:create',
  input: z.object({ name: NAME, note: z.string().max(5000).default('') }),
  async authorize(ctx, input) {
    const p = await findPublication(ctx.db, input.name);
    if (!p || !maySee(ctx, p)) throw notFound();
    authorize(ctx.actor, 'publication:create', { agencyId: p.agency_id });
  },
  async run(ctx, input) {
    const result = await mutate(ctx, async (trx, audit) => {
      const p = await lockPublication(trx, input.name);
      if (!p) throw notFound();
      const r = await submitPublication(await runEnv(ctx, trx, audit), p, input.note);
      await audit({
        action: 'publication_submit',
        subjectType: 'publication',
        subjectId: p.id,
        summary: { name: p.name, version: p.version },
      });
      return r;
    });
    await deliverPendingMail(ctx.db);
    return { name: input.name, waiting_at: result.waitingAt };
  },
});

function publicationDict(p: PublicationView) {
  return {
    name: p.name,
    kind: p.kind,
    title: p.title,
    title_en: p.title_en,
    narrative: p.narrative,
    narrative_en: p.narrative_en,
    topic: p.topic_title,
    agency: p.agency_name,
    charts: p.chart_ids,
    version: p.version,
    state: p.published_at ? 'published' : p.instance_id ? 'in_review' : 'draft',
    published_at: p.published_at,
    planned_release: p.planned_release,
  };
}

/** publication_show: a published publication, or a draft for those who draft and check. */
export const publicationShow = defineAction({
  name: 'publication_show',
  sideEffectFree: true,
  input: z.object({ name: NAME }),
  authorize: (ctx) => authorize(ctx.actor, 'portal:read'),
  async run(ctx, input) {
    const p = await findPublication(ctx.db, input.name);
    if (!p || !maySee(ctx, p)) throw notFound();
    return publicationDict(p);
  },
});

/** publication_list: published publications, newest first, with search words, topic and kind. */
export const publicationList = defineAction({
  name: 'publication_list',
  sideEffectFree: true,
  input: z.object({
    q: z.string().trim().max(200).optional(),
    topic: z.string().trim().max(100).optional(),
    kind: z.enum(KINDS).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(60),
  }),
  authorize: (ctx) => authorize(ctx.actor, 'portal:read'),
  async run(ctx, input) {
    const rows = await listPublished(ctx.db, {
      ...(input.q ? { q: input.q } : {}),
      ...(input.topic ? { topic: input.topic } : {}),
      ...(input.kind ? { kind: input.kind } : {}),
      limit: input.limit,
    });
    return rows.map(publicationDict);
  },
});

/**
 * data_book_generate: an edition of a data book from the published tables as they are now (read
 * as the public reads them). The same data give the same content hash and the same edition.
 */
export const dataBookGenerate = defineAction({
  name: 'data_book_generate',
  sideEffectFree: false,
  requires: 'data_book:generate',
  input: z.object({ name: NAME, year: z.coerce.number().int().min(2000).max(2100) }),
  async authorize(ctx, input) {
    const p = await findPublication(ctx.db, input.name);
    if (!p || !maySee(ctx, p)) throw notFound();
    authorize(ctx.actor, 'data_book:generate', { agencyId: p.agency_id });
  },
  async run(ctx, input) {
    const p = await findPublication(ctx.db, input.name);
    if (!p) throw notFound();
    if (p.kind !== 'book' || !p.book)
      throw new ValidationError({
        name: [{ id: 'Publikasi ini bukan buku data', en: 'This publication is not a data book' }],
      });
    const spec = BookSpecSchema.parse(p.book);
    const content = await collectBook(ctx.db, ANONYMOUS, spec, input.year);
    const hash = bookHash(content);
    return mutate(ctx, async (trx, audit) => {
      const existing = await findEditionIdByHash(trx, hash);
      if (!existing) {
        const e = await insertEdition(trx, {
          publication_id: p.id,
          hash,
          year: input.year,
          content: JSON.stringify(content),
          sources: JSON.stringify(sourcesOf(content)),
          created_by: ctx.actor.userId,
        });
        await audit({
          action: 'data_book_generate',
          subjectType: 'data_book_edition',
          subjectId: e.id,
          summary: { name: p.name, year: input.year, hash },
        });
      } else {
        await audit({
          action: 'data_book_generate',
          subjectType: 'data_book_edition',
          subjectId: existing.id,
          summary: { name: p.name, year: input.year, hash, unchanged: true },
        });
      }
      return {
        name: p.name,
        hash,
        year: input.year,
        new_edition: !existing,
        pdf: `/publikasi/${p.name}.pdf`,
        verify: `/publikasi/verifikasi/${hash}`,
      };
    });
  },
});
