import archiver from 'archiver';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authorize } from '../../../kernel/access/policy.js';
import type { AppDeps } from '../../../kernel/http/app-deps.js';
import { pageContext } from '../../../kernel/http/page-context.js';
import { safeFileName } from '../../../kernel/storage/file-store.js';
import { processTimeReport } from '../domain/process-time.js';
import { loadRunHistory, readableRuns } from '../run-history.js';
import { loadCalendar } from '../sources.js';
import { loadTask } from '../task-act.js';
import { RunHistoryPage } from './run-history.page.js';
import { RunListPage } from './run-list.page.js';

/**
 * Run history for staff (issue #12 item 6): the list of runs, a run's history page, one file of a
 * step, and all of a run's documents as one ZIP (archiver, streamed). One rule decides who reads
 * (run-history.ts `canReadRun`); the API's workflow_run_* actions use the same.
 */
export async function runHistoryRoutes(app: FastifyInstance, deps: AppDeps) {
  const db = deps.database.db;

  function staff(req: FastifyRequest, reply: FastifyReply): boolean {
    if (!req.actor.userId) {
      reply.redirect(`/login?next=${encodeURIComponent(req.url)}`);
      return false;
    }
    authorize(req.actor, 'task:read_own');
    return true;
  }

  app.get('/tugas/runs', async (req, reply) => {
    if (!staff(req, reply)) return reply;
    const runs = await readableRuns(db, req.actor);
    return reply
      .type('text/html; charset=utf-8')
      .send(RunListPage({ ctx: pageContext(req, reply, deps.site), runs }));
  });

  app.get('/tugas/runs/:id', async (req, reply) => {
    if (!staff(req, reply)) return reply;
    const h = await loadRunHistory(db, req.actor, (req.params as { id: string }).id);
    // The run's working time against its service standard, when the SOP gives one.
    const processTime = h.definition.standardTime
      ? processTimeReport(h.definition, await loadCalendar(db), {
          startedAt: new Date(h.instance.started_at),
          endedAt: h.instance.ended_at ? new Date(h.instance.ended_at) : null,
          now: new Date(),
        })
      : undefined;
    return reply
      .type('text/html; charset=utf-8')
      .send(RunHistoryPage({ ctx: pageContext(req, reply, deps.site), h, processTime }));
  });

  app.get('/tugas/runs/:id/documents.zip', async (req, reply) => {
    if (!staff(req, reply)) return reply;
    const h = await loadRunHistory(db, req.actor, (req.params as { id: string }).id);
    const zip = archiver('zip', { zlib: { level: 6 } });
    // Numbered by step and file, so two steps' "Surat.pdf" do not overwrite each other.
    for (const row of h.rows)
      for (const f of row.files)
        zip.append(deps.files.open(f.key), {
          name: `${String(row.no).padStart(2, '0')}-${row.stepId}/${f.n + 1}-${safeFileName(f.name)}`,
        });
    void zip.finalize();
    return reply
      .type('application/zip')
      .header('content-disposition', `attachment; filename="proses-${h.instance.id.slice(0, 8)}.zip"`)
      .send(zip);
  });

  app.get('/tugas/:id/files/:n', async (req, reply) => {
    if (!staff(req, reply)) return reply;
    const { id, n } = req.params as { id: string; n: string };
    if (!/^[0-9a-f-]{36}$/.test(id)) return reply.callNotFound();
    const { task } = await loadTask(db, id);
    const h = await loadRunHistory(db, req.actor, task.instance_id);
    const file = h.rows.find((r) => r.taskId === id)?.files[Number(n)];
    if (!file) return reply.callNotFound();
    return reply
      .type('application/octet-stream')
      .header('content-disposition', `attachment; filename="${safeFileName(file.name)}"`)
      .send(deps.files.open(file.key));
  });
}
