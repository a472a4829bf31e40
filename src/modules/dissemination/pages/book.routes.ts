import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendPage } from '../../../kernel/http/admin-form.js';
import type { AppDeps } from '../../../kernel/http/app-deps.js';
import { pageContext } from '../../../kernel/http/page-context.js';
import { maySee } from '../actions/publication-input.js';
import { type BookSource, changedSources } from '../book/book-hash.js';
import { renderBookPdf } from '../book/book-pdf.js';
import type { BookContent } from '../book/book-spec.js';
import {
  findEdition,
  findPublication,
  latestEdition,
  listPlanned,
  previousEdition,
} from '../publication.repository.js';
import { plannedDataReleases } from '../release-sources.js';
import { ReleaseCalendarPage, releaseCalendarIcs } from './release-calendar.js';
import { actionContextOf, HASH, NAME, verifyPath } from './route-helpers.js';
import { VerifyPage } from './verify-page.js';

/** A data book's latest edition as PDF (/publikasi/{name}.pdf), for whoever may see the book. */
export async function sendBookPdf(deps: AppDeps, req: FastifyRequest, reply: FastifyReply, name: string) {
  const { config, database } = deps;
  const db = database.db;
  const actx = actionContextOf(deps);
  const p = NAME.test(name) ? await findPublication(db, name) : undefined;
  if (!p || !maySee(actx(req), p)) return reply.callNotFound();
  const e = await latestEdition(db, p.id);
  if (!e) return reply.callNotFound();
  const pdf = await renderBookPdf({
    content: e.content as BookContent,
    hash: e.hash,
    verifyUrl: `${config.siteUrl}${verifyPath(e.hash)}`,
  });
  return reply
    .type('application/pdf')
    .header('content-disposition', `inline; filename="${p.name}-${e.year}.pdf"`)
    .header('etag', `"${e.hash}"`)
    .send(pdf);
}

/** Editions' verification pages and the release calendar (page and iCalendar feed). */
export async function bookRoutes(app: FastifyInstance, deps: AppDeps) {
  const { config, database, site } = deps;
  const db = database.db;
  const actx = actionContextOf(deps);

  app.get('/jadwal-rilis', async (req, reply) =>
    sendPage(
      reply,
      ReleaseCalendarPage({
        ctx: pageContext(req, reply, site),
        items: await listPlanned(db),
        data: await plannedDataReleases(db),
      }),
    ),
  );
  app.get('/jadwal-rilis.ics', async (_req, reply) => {
    const host = new URL(config.siteUrl).host;
    return reply
      .type('text/calendar; charset=utf-8')
      .send(
        releaseCalendarIcs(
          await listPlanned(db),
          config.siteUrl,
          host,
          await plannedDataReleases(db),
          new Date(),
        ),
      );
  });

  app.get('/publikasi/verifikasi/:hash', async (req, reply) => {
    const { hash } = req.params as { hash: string };
    const e = HASH.test(hash) ? await findEdition(db, hash) : undefined;
    const p = e ? await findPublication(db, e.publication_name) : undefined;
    if (!e || !p || !maySee(actx(req), p)) return reply.callNotFound();
    const prev = await previousEdition(db, e.publication_id, e.created_at, e.hash);
    const sources = e.sources as BookSource[];
    const content = e.content as BookContent;
    return sendPage(
      reply,
      VerifyPage({
        ctx: pageContext(req, reply, site),
        view: {
          hash: e.hash,
          title: content.title,
          year: e.year,
          sources,
          previous: prev?.hash ?? null,
          changes: prev ? changedSources(sources, prev.sources as BookSource[]) : [],
        },
      }),
    );
  });
}
