import type {} from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authorize, can } from '../../../kernel/access/policy.js';
import { type ActionDefinition, executeAction } from '../../../kernel/actions/action.js';
import type { ActionContext } from '../../../kernel/actions/context.js';
import { AppError, ValidationError } from '../../../kernel/errors.js';
import { formFailure, sendPage } from '../../../kernel/http/admin-form.js';
import { readApiInput } from '../../../kernel/http/api/api-input.js';
import type { AppDeps } from '../../../kernel/http/app-deps.js';
import { pageContext } from '../../../kernel/http/page-context.js';
import { actionContext, redirectAfterPost } from '../../../kernel/http/request-context.js';
import { safeFileName } from '../../../kernel/storage/file-store.js';
import { listAgencies } from '../../agencies/index.js';
import { loadCalendar, loadTask } from '../../workflows/index.js';
import { forumDecisionRecord, forumMeetingCreate, forumMinutesRecord } from '../actions/forum.js';
import {
  dataListItemCreate,
  dataListItemLink,
  dataListItemRespond,
  dataListItemUpdate,
} from '../actions/items.js';
import { dataListCopy, dataListDiff, dataListImport, listXlsxFile } from '../actions/list.js';
import {
  dataProposalCreate,
  dataProposalFromRequests,
  dataProposalImportNeeds,
  dataProposalList,
  dataProposalModerate,
  startOfYear,
} from '../actions/proposals.js';
import { dataListEnact, planningRecordGenerate, recordFile } from '../actions/records.js';
import { statisticalActivityFs3Record, statisticalActivityRecommendationSet } from '../actions/romantik.js';
import { subjectYear } from '../cycle-run.repository.js';
import { findList, listItems, listYears } from '../data-list.repository.js';
import { romantikState } from '../domain/romantik.js';
import { decisionsOf, findMeeting, meetingsOf } from '../forum.repository.js';
import { itemFulfilment, obligationsOf } from '../fulfilment.repository.js';
import { activityChoices, standardChoices } from '../item-links.repository.js';
import { ListRefusedError } from '../list-xlsx.js';
import { recordsOf } from '../planning-records.repository.js';
import { unmetRequestsBefore } from '../proposals.repository.js';
import { activityLetter, romantikActivities } from '../romantik.repository.js';
import { ForumPage, type ForumView } from './forum.page.js';
import { pm } from './planning.messages.js';
import { PublicListPage, type PublicView } from './public.page.js';
import { RomantikPage, type RomantikView } from './romantik.page.js';
import { YearPage, type YearView } from './year.page.js';

type Body = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v : '');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function yearOf(raw: string): number | null {
  const y = Number(raw);
  return Number.isInteger(y) && y >= 2000 && y <= 2100 ? y : null;
}

/** Form fields as typed (strings only), so a refused form shows them again. */
function typedOf(body: Body): Record<string, string> {
  return Object.fromEntries(
    Object.entries(body).filter(([k, v]) => typeof v === 'string' && k !== '_csrf'),
  ) as Record<string, string>;
}

/**
 * The planning pages: the workspace list of a year (/workspace/daftar-data/:year) with import,
 * export, copy, diff, rows, producers' answers, proposals, forum meetings, records and
 * enactment; a meeting's page (/workspace/forum/:id); the public list (/daftar-data) with the
 * proposal form, each enacted year's XLSX and its signed decree.
 */
export async function planningRoutes(app: FastifyInstance, { database, site, config, files }: AppDeps) {
  const db = database.db;
  const ctxOf = (req: FastifyRequest): ActionContext => actionContext(req, database, config.siteUrl);

  app.addHook('preHandler', async (req, reply) => {
    if (
      !['/workspace/daftar-data', '/workspace/forum', '/workspace/romantik'].some((p) =>
        req.url.startsWith(p),
      )
    )
      return;
    if (!req.actor.userId) return reply.redirect(`/login?next=${encodeURIComponent(req.url)}`);
    authorize(req.actor, 'workspace:open');
  });

  async function yearView(
    req: FastifyRequest,
    year: number,
    extra: Partial<YearView> = {},
  ): Promise<YearView> {
    const list = await findList(db, year);
    const items = list ? await listItems(db, list.id) : [];
    const manage = can(req.actor, 'data_list:manage');
    const ownAgency =
      manage || can(req.actor, 'dataset:read_private', {}) ? undefined : (req.actor.agencyId ?? undefined);
    return {
      year,
      list,
      items,
      fulfilment: list ? await itemFulfilment(db, list.id, new Date().toISOString().slice(0, 10)) : new Map(),
      proposals: manage
        ? ((await executeAction(ctxOf(req), dataProposalList, { year })) as YearView['proposals'])
        : null,
      unmetRequests: manage ? (await unmetRequestsBefore(db, startOfYear(year))).length : 0,
      standards: manage ? await standardChoices(db) : [],
      activities: manage ? await activityChoices(db) : [],
      meetings: await meetingsOf(db, year),
      records: await recordsOf(db, year),
      owed: list?.status === 'enacted' ? await obligationsOf(db, list.id, ownAgency) : [],
      agencies: await listAgencies(db),
      years: [...new Set([...(await listYears(db)).map((l) => l.year), year])].sort((a, b) => b - a),
      ...extra,
    };
  }

  async function renderYear(
    req: FastifyRequest,
    reply: FastifyReply,
    year: number,
    extra: Partial<YearView> = {},
    status = 200,
  ) {
    const q = req.query as { done?: string; banding?: string };
    const ctx = { ...pageContext(req, reply, site), notice: q.done ? pm(req.locale, 'p.saved') : undefined };
    let diff: YearView['diff'];
    const other = q.banding ? yearOf(q.banding) : null;
    if (other && other !== year) {
      try {
        const d = await executeAction(ctxOf(req), dataListDiff, { year, other_year: other });
        diff = { other, added: d.added, removed: d.removed, changed: d.changed };
      } catch {
        diff = undefined;
      }
    }
    return sendPage(reply, YearPage({ ctx, view: await yearView(req, year, { diff, ...extra }) }), status);
  }

  app.get('/workspace/daftar-data', async (_req, reply) => {
    const years = await listYears(db);
    return reply.redirect(`/workspace/daftar-data/${years[0]?.year ?? new Date().getFullYear() + 1}`);
  });

  /** A data-list cycle task's planning screen: the year's list, or the forum's meeting. */
  app.get('/workspace/daftar-data/tugas/:id', async (req, reply) => {
    const { instance, step } = await loadTask(db, (req.params as { id: string }).id);
    const subject = await subjectYear(db, instance.subject_id);
    const year = subject?.year ?? new Date().getFullYear() + 1;
    if (step.planning === 'forum') {
      const [latest] = (await meetingsOf(db, year)).reverse();
      if (latest) return reply.redirect(`/workspace/forum/${latest.id}`);
    }
    return reply.redirect(`/workspace/daftar-data/${year}`);
  });

  app.get('/workspace/daftar-data/:year', async (req, reply) => {
    const raw = (req.params as { year: string }).year;
    if (raw.endsWith('.xlsx')) {
      const year = yearOf(raw.slice(0, -5));
      if (!year) return reply.callNotFound();
      const file = await listXlsxFile(ctxOf(req), year);
      return reply
        .type(XLSX)
        .header('content-disposition', `attachment; filename="daftar-data-${year}.xlsx"`)
        .send(file);
    }
    const year = yearOf(raw);
    if (!year) return reply.callNotFound();
    return renderYear(req, reply, year);
  });

  app.get('/workspace/daftar-data/:year/dokumen/:file', async (req, reply) => {
    const { year: raw, file } = req.params as { year: string; file: string };
    const year = yearOf(raw);
    const m = /^(berita-acara|sk)\.(docx|pdf)$/.exec(file);
    if (!year || !m) return reply.callNotFound();
    const kind = m[1] === 'berita-acara' ? 'berita_acara' : 'sk_draft';
    const format = m[2] as 'docx' | 'pdf';
    const buf = await recordFile(ctxOf(req), year, kind, format);
    return reply
      .type(
        format === 'pdf'
          ? 'application/pdf'
          : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      )
      .header(
        'content-disposition',
        `${format === 'pdf' ? 'inline' : 'attachment'}; filename="${m[1]}-daftar-data-${year}.${format}"`,
      )
      .send(buf);
  });

  /** Run a form's action; a refusal shows the year's page again with the error and what was typed. */
  async function yearPost<I>(
    req: FastifyRequest,
    reply: FastifyReply,
    action: ActionDefinition,
    input: (year: number, body: Body) => I,
    field: string,
  ) {
    const year = yearOf((req.params as { year: string }).year);
    if (!year) return reply.callNotFound();
    const body = (req.body ?? {}) as Body;
    try {
      await executeAction(ctxOf(req), action, input(year, body));
    } catch (err) {
      if (!(err instanceof AppError) || (err.status !== 400 && err.status !== 409)) throw err;
      const f = formFailure(err, req.locale, field);
      const errors =
        err instanceof ValidationError
          ? f.errors
          : { [field]: [req.locale === 'en' ? err.text.en : err.text.id] };
      return renderYear(req, reply, year, { errors, typed: typedOf(body) }, f.status);
    }
    return redirectAfterPost(reply, `/workspace/daftar-data/${year}?done=1`);
  }

  app.post('/workspace/daftar-data/:year/items', (req, reply) =>
    yearPost(
      req,
      reply,
      dataListItemCreate,
      (year, b) => ({ ...typedOf(b), priority: b.priority === 'true', year }),
      'id_ddd',
    ),
  );
  app.post('/workspace/daftar-data/:year/items/:id/respond', (req, reply) =>
    yearPost(
      req,
      reply,
      dataListItemRespond,
      (_y, b) => ({
        id: (req.params as { id: string }).id,
        response: str(b.response),
        reason: str(b.reason),
      }),
      'reason',
    ),
  );
  app.post('/workspace/daftar-data/:year/items/:id/link', (req, reply) =>
    yearPost(
      req,
      reply,
      dataListItemLink,
      (_y, b) => ({ id: (req.params as { id: string }).id, dataset: str(b.dataset) }),
      'dataset',
    ),
  );
  app.post('/workspace/daftar-data/:year/items/:id/links', (req, reply) =>
    yearPost(
      req,
      reply,
      dataListItemUpdate,
      (_y, b) => ({
        id: (req.params as { id: string }).id,
        data_standard_id: str(b.data_standard_id),
        statistical_activity_id: str(b.statistical_activity_id),
      }),
      'statistical_activity_id',
    ),
  );
  app.post('/workspace/daftar-data/:year/copy', (req, reply) =>
    yearPost(
      req,
      reply,
      dataListCopy,
      (year, b) => ({ from_year: str(b.from_year), to_year: year }),
      'from_year',
    ),
  );
  app.post('/workspace/daftar-data/:year/proposals/:id', (req, reply) =>
    yearPost(
      req,
      reply,
      dataProposalModerate,
      (_y, b) => ({
        id: (req.params as { id: string }).id,
        decision: str(b.decision),
        id_ddd: str(b.id_ddd),
        agency_id: str(b.agency_id),
      }),
      'id_ddd',
    ),
  );
  app.post('/workspace/daftar-data/:year/requests-to-proposals', (req, reply) =>
    yearPost(req, reply, dataProposalFromRequests, (year) => ({ year }), 'data_name'),
  );
  app.post('/workspace/daftar-data/:year/forum', (req, reply) =>
    yearPost(
      req,
      reply,
      forumMeetingCreate,
      (year, b) => ({
        year,
        title: str(b.title),
        held_on: str(b.held_on),
        place: str(b.place),
        agenda: str(b.agenda),
        invitees: str(b.invitees),
      }),
      'title',
    ),
  );
  app.post('/workspace/daftar-data/:year/records', (req, reply) =>
    yearPost(
      req,
      reply,
      planningRecordGenerate,
      (year, b) => ({
        year,
        kind: str(b.kind),
        meeting_id: str(b.meeting_id),
        signatories: str(b.signatories),
      }),
      'kind',
    ),
  );

  /** An uploaded file run through an import action; a refused file shows its report on the year page. */
  async function yearUpload(
    req: FastifyRequest,
    reply: FastifyReply,
    run: (year: number, file: string) => Promise<{ added: number; updated?: number }>,
  ) {
    const year = yearOf((req.params as { year: string }).year);
    if (!year) return reply.callNotFound();
    try {
      const part = req.isMultipart() ? await req.file() : undefined;
      if (!part) throw new ValidationError({ file: [{ id: 'Pilih berkas', en: 'Choose a file' }] });
      const r = await run(year, (await part.toBuffer()).toString('base64'));
      return redirectAfterPost(reply, `/workspace/daftar-data/${year}?done=${r.added + (r.updated ?? 0)}`);
    } catch (err) {
      if (err instanceof ListRefusedError)
        return renderYear(req, reply, year, { problems: err.problems }, 400);
      if (!(err instanceof AppError) || (err.status !== 400 && err.status !== 409)) throw err;
      return renderYear(req, reply, year, { errors: formFailure(err, req.locale, 'file').errors }, 400);
    }
  }

  app.post('/workspace/daftar-data/:year/import', (req, reply) =>
    yearUpload(req, reply, (year, file) => executeAction(ctxOf(req), dataListImport, { year, file })),
  );
  app.post('/workspace/daftar-data/:year/needs-import', (req, reply) =>
    yearUpload(req, reply, (year, file) =>
      executeAction(ctxOf(req), dataProposalImportNeeds, { year, file }),
    ),
  );

  app.post('/workspace/daftar-data/:year/enact', async (req, reply) => {
    const year = yearOf((req.params as { year: string }).year);
    if (!year) return reply.callNotFound();
    const { input: body, storedAll } = await readApiInput(req, files, config.uploadMaxBytes, {
      acceptsUpload: true,
    });
    try {
      await executeAction(ctxOf(req), dataListEnact, {
        year,
        decree_number: str(body.decree_number),
        ...(body.upload ? { upload: body.upload } : {}),
      });
    } catch (err) {
      for (const f of storedAll) await files.remove(f.key);
      if (!(err instanceof AppError) || (err.status !== 400 && err.status !== 409)) throw err;
      const errors =
        err instanceof ValidationError
          ? formFailure(err, req.locale, 'decree_number').errors
          : { decree_number: [req.locale === 'en' ? err.text.en : err.text.id] };
      return renderYear(req, reply, year, { errors, typed: typedOf(body) }, 400);
    }
    return redirectAfterPost(reply, `/workspace/daftar-data/${year}?done=1`);
  });

  async function forumView(id: string, extra: Partial<ForumView> = {}): Promise<ForumView | undefined> {
    const meeting = await findMeeting(db, id);
    if (!meeting) return undefined;
    const list = await findList(db, meeting.year);
    const decisions = await decisionsOf(db, meeting.id);
    return {
      meeting,
      items: list ? await listItems(db, list.id) : [],
      decisions: new Map(decisions.map((d) => [d.item_id, { decision: d.decision, note: d.note }])),
      enacted: list?.status === 'enacted',
      ...extra,
    };
  }

  app.get('/workspace/forum/:id', async (req, reply) => {
    const view = await forumView((req.params as { id: string }).id);
    if (!view) return reply.callNotFound();
    const ctx = {
      ...pageContext(req, reply, site),
      notice: (req.query as { done?: string }).done ? pm(req.locale, 'p.saved') : undefined,
    };
    return sendPage(reply, ForumPage({ ctx, view }));
  });

  async function forumPost(
    req: FastifyRequest,
    reply: FastifyReply,
    run: (id: string, b: Body) => Promise<unknown>,
    field: string,
  ) {
    const id = (req.params as { id: string }).id;
    const body = (req.body ?? {}) as Body;
    try {
      await run(id, body);
    } catch (err) {
      if (!(err instanceof AppError) || (err.status !== 400 && err.status !== 409)) throw err;
      const errors =
        err instanceof ValidationError
          ? formFailure(err, req.locale, field).errors
          : { [field]: [req.locale === 'en' ? err.text.en : err.text.id] };
      const view = await forumView(id, { errors, typed: typedOf(body) });
      if (!view) return reply.callNotFound();
      return sendPage(reply, ForumPage({ ctx: pageContext(req, reply, site), view }), 400);
    }
    return redirectAfterPost(reply, `/workspace/forum/${id}?done=1`);
  }

  app.post('/workspace/forum/:id/minutes', (req, reply) =>
    forumPost(
      req,
      reply,
      (id, b) =>
        executeAction(ctxOf(req), forumMinutesRecord, {
          id,
          minutes: str(b.minutes),
          attendance: str(b.attendance),
        }),
      'minutes',
    ),
  );
  app.post('/workspace/forum/:id/decisions', (req, reply) =>
    forumPost(
      req,
      reply,
      (id, b) =>
        executeAction(ctxOf(req), forumDecisionRecord, {
          meeting_id: id,
          item_id: str(b.item_id),
          decision: str(b.decision),
          note: str(b.note),
        }),
      'note',
    ),
  );

  // Romantik: each statistical activity's FS3, BPS's answer (30 working days) and its letter.
  async function romantikView(req: FastifyRequest, extra: Partial<RomantikView> = {}): Promise<RomantikView> {
    const all = can(req.actor, 'dataset:read_private', {}) || can(req.actor, 'data_list:recommend');
    const calendar = await loadCalendar(db);
    const day = new Intl.DateTimeFormat('sv-SE', { timeZone: calendar.timeZone });
    const now = new Date();
    const rows = await romantikActivities(db, all ? undefined : (req.actor.agencyId ?? undefined));
    return {
      rows: rows.map((r) => {
        const { state, due } = romantikState(calendar, r, now);
        return { ...r, state, due: due ? day.format(due) : null };
      }),
      ...extra,
    };
  }

  app.get('/workspace/romantik', async (req, reply) => {
    const ctx = {
      ...pageContext(req, reply, site),
      notice: (req.query as { done?: string }).done ? pm(req.locale, 'p.saved') : undefined,
    };
    return sendPage(reply, RomantikPage({ ctx, view: await romantikView(req) }));
  });

  async function romantikPost(
    req: FastifyRequest,
    reply: FastifyReply,
    run: () => Promise<unknown>,
    field: string,
    cleanup: () => Promise<void> = async () => {},
  ) {
    try {
      await run();
    } catch (err) {
      await cleanup();
      if (!(err instanceof AppError) || (err.status !== 400 && err.status !== 409 && err.status !== 404))
        throw err;
      const errors =
        err instanceof ValidationError
          ? formFailure(err, req.locale, field).errors
          : { [field]: [req.locale === 'en' ? err.text.en : err.text.id] };
      const view = await romantikView(req, { errors });
      return sendPage(reply, RomantikPage({ ctx: pageContext(req, reply, site), view }), 400);
    }
    return redirectAfterPost(reply, '/workspace/romantik?done=1');
  }

  app.post('/workspace/romantik/:id/fs3', (req, reply) => {
    const body = (req.body ?? {}) as Body;
    return romantikPost(
      req,
      reply,
      () =>
        executeAction(ctxOf(req), statisticalActivityFs3Record, {
          id: (req.params as { id: string }).id,
          submitted_on: str(body.submitted_on),
        }),
      'submitted_on',
    );
  });

  app.post('/workspace/romantik/rekomendasi', async (req, reply) => {
    authorize(req.actor, 'data_list:recommend');
    const { input: body, storedAll } = await readApiInput(req, files, config.uploadMaxBytes, {
      acceptsUpload: true,
    });
    return romantikPost(
      req,
      reply,
      () =>
        executeAction(ctxOf(req), statisticalActivityRecommendationSet, {
          id: str(body.id),
          status: str(body.status),
          number: str(body.number),
          date: str(body.date),
          activity_code: str(body.activity_code),
          ...(body.upload ? { upload: body.upload } : {}),
        }),
      'number',
      async () => {
        for (const f of storedAll) await files.remove(f.key);
      },
    );
  });

  app.get('/workspace/romantik/:id/surat', async (req, reply) => {
    const row = await activityLetter(db, (req.params as { id: string }).id);
    if (!row?.recommendation_letter_key) return reply.callNotFound();
    const own = can(req.actor, 'dataset:read_private', { agencyId: row.agency_id });
    if (!own && !can(req.actor, 'data_list:recommend')) return reply.callNotFound();
    return reply
      .type('application/octet-stream')
      .header(
        'content-disposition',
        `attachment; filename="${safeFileName(row.recommendation_letter_name ?? 'surat-rekomendasi.pdf')}"`,
      )
      .send(files.open(row.recommendation_letter_key));
  });

  // The public face: enacted lists (open rows), their decree and XLSX, and the proposal form.
  async function publicView(year: number | null, extra: Partial<PublicView> = {}): Promise<PublicView> {
    const lists = (await listYears(db)).filter((l) => l.status === 'enacted');
    const shown = year ? lists.find((l) => l.year === year) : lists[0];
    const items = shown
      ? (await listItems(db, shown.id)).filter(
          (i) => i.risk_class === 'terbuka' && ['agreed', 'changed'].includes(i.status),
        )
      : [];
    return { lists, shown, items, nextYear: new Date().getFullYear() + 1, ...extra };
  }

  app.get('/daftar-data', async (req, reply) => {
    const ctx = {
      ...pageContext(req, reply, site),
      notice: (req.query as { done?: string }).done ? pm(req.locale, 'p.proposed') : undefined,
    };
    return sendPage(reply, PublicListPage({ ctx, view: await publicView(null) }));
  });

  app.get('/daftar-data/:year', async (req, reply) => {
    const raw = (req.params as { year: string }).year;
    const xlsx = raw.endsWith('.xlsx');
    const year = yearOf(xlsx ? raw.slice(0, -5) : raw);
    if (!year) return reply.callNotFound();
    const view = await publicView(year);
    if (!view.shown) return reply.callNotFound();
    if (xlsx) {
      // The public file is the enacted list's open rows, as anyone outside the workspace sees them.
      const anon = {
        ...ctxOf(req),
        actor: { userId: null, username: 'anonim', roles: ['public' as const], agencyId: null },
      };
      const file = await listXlsxFile(anon, year);
      return reply
        .type(XLSX)
        .header('content-disposition', `attachment; filename="daftar-data-${year}.xlsx"`)
        .send(file);
    }
    return sendPage(reply, PublicListPage({ ctx: pageContext(req, reply, site), view }));
  });

  app.get('/daftar-data/:year/sk', async (req, reply) => {
    const year = yearOf((req.params as { year: string }).year);
    const list = year ? await findList(db, year) : undefined;
    if (list?.status !== 'enacted' || !list.decree_file_key) return reply.callNotFound();
    return reply
      .type('application/octet-stream')
      .header(
        'content-disposition',
        `attachment; filename="${safeFileName(list.decree_file_name ?? `sk-daftar-data-${year}.pdf`)}"`,
      )
      .send(files.open(list.decree_file_key));
  });

  app.post('/daftar-data/usulan', async (req, reply) => {
    const body = (req.body ?? {}) as Body;
    try {
      await executeAction(ctxOf(req), dataProposalCreate, {
        year: str(body.year),
        data_name: str(body.data_name),
        description: str(body.description),
        proposer_name: str(body.proposer_name),
        proposer_email: str(body.proposer_email),
        website: str(body.website),
      });
    } catch (err) {
      if (!(err instanceof AppError) || (err.status !== 400 && err.status !== 409)) throw err;
      const errors =
        err instanceof ValidationError
          ? formFailure(err, req.locale, 'data_name').errors
          : { data_name: [req.locale === 'en' ? err.text.en : err.text.id] };
      return sendPage(
        reply,
        PublicListPage({
          ctx: pageContext(req, reply, site),
          view: await publicView(null, { errors, typed: typedOf(body) }),
        }),
        400,
      );
    }
    return redirectAfterPost(reply, '/daftar-data?done=1');
  });
}
