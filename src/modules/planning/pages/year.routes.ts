import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../../kernel/http/app-deps.js';
import { loadTask } from '../../workflows/index.js';
import { listXlsxFile } from '../actions/list.js';
import { recordFile } from '../actions/records.js';
import { subjectYear } from '../cycle-run.repository.js';
import { listYears } from '../data-list.repository.js';
import { meetingsOf } from '../forum.repository.js';
import { planningCtx, XLSX, yearOf } from './route-input.js';
import { yearPageRenderer } from './year-page.loader.js';

/** The year's list pages: the way in, a cycle task's screen, the page and its XLSX, its record files. */
export function yearRoutes(app: FastifyInstance, deps: AppDeps) {
  const { database, config } = deps;
  const db = database.db;
  const ctxOf = planningCtx({ database, config });
  const renderYear = yearPageRenderer(deps);

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
}
