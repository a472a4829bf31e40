import { z } from 'zod';
import { authorize } from '../../../kernel/access/policy.js';
import { defineAction } from '../../../kernel/actions/action.js';
import { mutate } from '../../../kernel/actions/context.js';
import { ConflictError, ValidationError } from '../../../kernel/errors.js';
import { deliverPendingMail } from '../../../kernel/notifications/mailer.js';
import { BookSpecSchema } from '../book/book-spec.js';
import { findPublication, insertPublication, lockPublication } from '../publication.repository.js';
import { awaitsStaff, runEnv, submitPublication } from '../publication-flow.js';
import { newVersion } from '../publication-versions.js';
import { slugOf } from './chart-actions.js';
import {
  chartList,
  chartsFor,
  FIELDS,
  KINDS,
  maySee,
  NAME,
  notFound,
  optionalUuid,
} from './publication-input.js';

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
      const version = await newVersion(trx, p, set);
      await audit({
        action: 'publication_update',
        subjectType: 'publication',
        subjectId: p.id,
        summary: { name: p.name, version, fields: Object.keys(set) },
      });
      return { name: p.name, version };
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
