import type { FastifyInstance, FastifyRequest } from 'fastify';
import { can } from '../../../kernel/access/policy.js';
import { executeAction } from '../../../kernel/actions/action.js';
import { ValidationError } from '../../../kernel/errors.js';
import { formBody, sendPage, textField } from '../../../kernel/http/admin-form.js';
import type { AppDeps } from '../../../kernel/http/app-deps.js';
import { formErrors } from '../../../kernel/http/form-errors.js';
import { pageContext } from '../../../kernel/http/page-context.js';
import { dataBookGenerate } from '../actions/data-book-actions.js';
import { publicationCreate, publicationSubmit, publicationUpdate } from '../actions/publication-actions.js';
import { bookTemplate } from '../book/book-spec.js';
import { readableTables } from '../data.repository.js';
import { listPublished, listTopics } from '../publication.repository.js';
import { sendBookPdf } from './book.routes.js';
import { dt } from './dissemination.messages.js';
import { GalleryPage } from './gallery.js';
import { ft } from './publication-files.messages.js';
import { PublicationNewPage } from './publication-page.js';
import { publicationPageOf } from './publication-view.js';
import { actionContextOf, needLogin, verifyPath } from './route-helpers.js';

/** Publications: the gallery (/publikasi), a new one, its page, edits, submission and book editions. */
export async function publicationRoutes(app: FastifyInstance, deps: AppDeps) {
  const { database, site } = deps;
  const db = database.db;
  const actx = actionContextOf(deps);

  // --- Publications ---------------------------------------------------------------------------
  const topics = () => listTopics(db);

  app.get('/publikasi', async (req, reply) => {
    const q = req.query as Record<string, unknown>;
    const words = typeof q.q === 'string' ? q.q.slice(0, 200) : '';
    const topic = typeof q.topic === 'string' ? q.topic.slice(0, 100) : '';
    const items = await listPublished(db, { ...(words ? { q: words } : {}), ...(topic ? { topic } : {}) });
    return sendPage(
      reply,
      GalleryPage({ ctx: pageContext(req, reply, site), items, topics: await topics(), q: words, topic }),
    );
  });

  /** The book definition's starting point: the region's public tables this person may chart. */
  async function bookTemplateFor(req: FastifyRequest): Promise<string> {
    const tables = (await readableTables(db, req.actor)).filter(
      (t) => t.datasetPublic && can(req.actor, 'publication:create', { agencyId: t.agencyId }),
    );
    const spec = bookTemplate(site.regionName, `Pemerintah ${site.regionName}`, tables);
    return JSON.stringify(spec, null, 2);
  }

  app.get('/publikasi/baru', async (req, reply) => {
    if (needLogin(req, reply)) return reply;
    const q = req.query as Record<string, unknown>;
    const chart = q.chart;
    const values = {
      charts: typeof chart === 'string' ? chart : '',
      kind: q.kind === 'book' ? 'book' : '',
      book: await bookTemplateFor(req),
    };
    return sendPage(
      reply,
      PublicationNewPage({ ctx: pageContext(req, reply, site), topics: await topics(), values }),
    );
  });

  app.post('/publikasi/baru', async (req, reply) => {
    if (needLogin(req, reply)) return reply;
    const body = formBody(req.body);
    const values = Object.fromEntries(Object.keys(body).map((k) => [k, textField(body, k)]));
    // The book definition is read only for a data book (the form always carries its template).
    const { book, ...rest } = values;
    try {
      const r = await executeAction(actx(req), publicationCreate, values.kind === 'book' ? values : rest);
      return reply.redirect(`/publikasi/${r.name}`, 303);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      const errors = formErrors(err, req.locale);
      return sendPage(
        reply,
        PublicationNewPage({ ctx: pageContext(req, reply, site), topics: await topics(), values, errors }),
        400,
      );
    }
  });

  const publicationPage = publicationPageOf(deps);

  app.get('/publikasi/:file', async (req, reply) => {
    const { file } = req.params as { file: string };
    if (file.endsWith('.pdf')) return sendBookPdf(deps, req, reply, file.slice(0, -4));
    const q = req.query as Record<string, unknown>;
    const notice = q.submitted
      ? dt(req.locale, 'pub.submitted')
      : q.saved
        ? dt(req.locale, 'pub.saved')
        : q.files
          ? ft(req.locale, 'files.saved')
          : q.generated
            ? ft(req.locale, 'files.generated')
            : undefined;
    return publicationPage(req, reply, file, notice ? { notice } : {});
  });

  app.post('/publikasi/:name/ubah', async (req, reply) => {
    if (needLogin(req, reply)) return reply;
    const { name } = req.params as { name: string };
    const body = formBody(req.body);
    const values = Object.fromEntries(
      ['title', 'title_en', 'narrative', 'narrative_en'].map((k) => [k, textField(body, k)]),
    );
    try {
      await executeAction(actx(req), publicationUpdate, { name, ...values });
      return reply.redirect(`/publikasi/${name}?saved=1`, 303);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      return publicationPage(req, reply, name, { errors: formErrors(err, req.locale), values });
    }
  });

  app.post('/publikasi/:name/ajukan', async (req, reply) => {
    if (needLogin(req, reply)) return reply;
    const { name } = req.params as { name: string };
    await executeAction(actx(req), publicationSubmit, { name, note: textField(formBody(req.body), 'note') });
    return reply.redirect(`/publikasi/${name}?submitted=1`, 303);
  });

  app.post('/publikasi/:name/buku', async (req, reply) => {
    if (needLogin(req, reply)) return reply;
    const { name } = req.params as { name: string };
    try {
      const r = await executeAction(actx(req), dataBookGenerate, {
        name,
        year: textField(formBody(req.body), 'year'),
      });
      return reply.redirect(verifyPath(r.hash), 303);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      return publicationPage(req, reply, name, { errors: formErrors(err, req.locale) });
    }
  });
}
