import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { executeAction } from '../../../kernel/actions/action.js';
import { ValidationError } from '../../../kernel/errors.js';
import type { AppDeps } from '../../../kernel/http/app-deps.js';
import { getCookieSecret } from '../../../kernel/http/cookie-secret.js';
import { pageContext } from '../../../kernel/http/page-context.js';
import { actionContext, redirectAfterPost } from '../../../kernel/http/request-context.js';
import { safeFileName } from '../../../kernel/storage/file-store.js';
import { loadCalendar } from '../../workflows/index.js';
import { dataRequestCreate, dataRequestVerify, secretMatches } from '../actions/request-create.js';
import { dataRequestObject, dataRequestRate } from '../actions/request-requester.js';
import { serviceNow } from '../clock.js';
import { findRequestByCode, publicRequestList } from '../data-requests.repository.js';
import { publicSubject } from '../domain/public-subject.js';
import { perAgency, perMonth, summarize } from '../domain/statistics.js';
import { requestServiceFigures } from '../figures.js';
import { checkFormToken, type FormTokenVerdict, issueFormToken } from '../form-token.js';
import { presentForRequester } from '../presenter.js';
import { agencyChoices, matchingDatasets, publicDatasetName } from '../request-choices.repository.js';
import { loadRequestSettings } from '../settings.js';
import { refusal } from './errors.js';
import { PublicListPage } from './public-list.page.js';
import { type FormValues, RequestFormPage, SentPage } from './request-form.page.js';
import { StatisticsPage } from './statistics.page.js';
import { StatusPage } from './status.page.js';

const PUBLIC_FORM = { config: { rateLimit: { max: 20, timeWindow: '1 minute' } } };
const str = (v: unknown, max = 4000) => (typeof v === 'string' ? v.slice(0, max) : '');
const CODE = /^PD-[0-9A-Z]{4,12}$/;

/**
 * The requester's pages: the form, "check your e-mail", the private status page (the secret
 * travels in the link), its confirm / objection / rating posts, and the delivered file behind
 * its expiring link. Nothing here names the requester.
 */
export async function dataRequestPublicRoutes(
  app: FastifyInstance,
  { config, database, site, files }: AppDeps,
) {
  const db = database.db;
  // The form token is signed with the site's cookie secret (shared by every instance).
  const tokenSecret = await getCookieSecret(db, config);
  const html = (reply: FastifyReply, page: JSX.Element, code = 200) =>
    reply.code(code).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(page);

  async function renderForm(
    req: FastifyRequest,
    reply: FastifyReply,
    values: FormValues,
    errors?: Record<string, string[]>,
    code = 200,
  ) {
    const q = str((req.query as { q?: unknown }).q, 200).trim();
    const matches = q ? await matchingDatasets(db, q) : [];
    const { publicList } = await loadRequestSettings(db);
    // A refused form gets a fresh token: sending it again after a moment works.
    const formToken = issueFormToken(tokenSecret, serviceNow());
    return html(
      reply,
      RequestFormPage({
        ctx: pageContext(req, reply, site),
        values,
        errors,
        q,
        matches,
        formToken,
        publicList,
      }),
      code,
    );
  }

  /** Refuse a post whose form token is missing, forged, too fresh or stale (what was typed is kept). */
  function requireFormToken(token: string): void {
    const verdict = checkFormToken(tokenSecret, token, serviceNow());
    if (verdict === 'ok') return;
    const text: Record<Exclude<FormTokenVerdict, 'ok'>, { id: string; en: string }> = {
      too_fast: {
        id: 'Formulir terkirim terlalu cepat. Periksa isian Anda, lalu kirim lagi.',
        en: 'The form was sent too quickly. Check what you typed, then send it again.',
      },
      expired: {
        id: 'Formulir sudah terlalu lama terbuka. Periksa isian Anda, lalu kirim lagi.',
        en: 'The form was open for too long. Check what you typed, then send it again.',
      },
      invalid: {
        id: 'Formulir tidak dikenali. Periksa isian Anda, lalu kirim lagi.',
        en: 'The form was not recognised. Check what you typed, then send it again.',
      },
    };
    throw new ValidationError(
      { form_token: [text[verdict]] },
      { id: 'Permintaan ditolak', en: 'Request refused' },
    );
  }

  app.get('/permintaan-data', (req, reply) => renderForm(req, reply, {}));

  app.post('/permintaan-data', PUBLIC_FORM, async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const values: FormValues = Object.fromEntries(
      [
        'name',
        'email',
        'phone',
        'organisation',
        'asked',
        'region',
        'period',
        'format',
        'purpose',
        'delivery',
      ].map((k) => [k, str(body[k])]),
    );
    try {
      requireFormToken(str(body.form_token, 200));
      const out = await executeAction(actionContext(req, database, config.siteUrl), dataRequestCreate, {
        ...values,
        website: str(body.website, 500),
        locale: req.locale,
      });
      return redirectAfterPost(reply, `/permintaan-data/terkirim?kode=${out.code}`);
    } catch (err) {
      const refused = refusal(err, req.locale);
      if (!refused) throw err;
      return renderForm(req, reply, values, refused.errors, refused.status);
    }
  });

  app.get('/permintaan-data/statistik', async (req, reply) => {
    const to = serviceNow();
    const from = new Date(to.getTime() - 365 * 86_400_000);
    const figures = await requestServiceFigures(db, { from, to, asOf: to });
    const names = new Map((await agencyChoices(db)).map((a) => [a.id, a.name]));
    const agencies = perAgency(figures).map(([id, s]) => ({ name: names.get(id) ?? '—', s }));
    const page = StatisticsPage({
      ctx: pageContext(req, reply, site),
      all: summarize(figures),
      months: perMonth(figures),
      agencies,
    });
    return html(reply, page);
  });

  /** What was asked, when the region has turned the list on (off by default: 404). */
  app.get('/permintaan-data/daftar', async (req, reply) => {
    if (!(await loadRequestSettings(db)).publicList) return reply.callNotFound();
    const rows = (await publicRequestList(db)).map((r) => ({
      subject: publicSubject(r.asked, {
        name: r.requester_name,
        email: r.email,
        phone: r.phone,
        organisation: r.organisation,
      }),
      agency: r.agency_name,
      state: r.state,
      outcome: r.outcome,
      filedAt: r.verified_at as Date,
      answeredAt: r.answered_at,
    }));
    return html(reply, PublicListPage({ ctx: pageContext(req, reply, site), rows }));
  });

  app.get('/permintaan-data/terkirim', async (req, reply) => {
    const code = str((req.query as { kode?: unknown }).kode, 20);
    if (!CODE.test(code)) return reply.callNotFound();
    return html(reply, SentPage({ ctx: pageContext(req, reply, site), code }));
  });

  /** The request, if the link's secret is its own; a wrong secret is a 404 like a wrong code. */
  async function own(req: FastifyRequest, secret: string) {
    const code = str((req.params as { code: string }).code, 20).toUpperCase();
    if (!CODE.test(code)) return undefined;
    const r = await findRequestByCode(db, code);
    return r && secretMatches(r.status_secret, secret) ? r : undefined;
  }

  async function renderStatus(
    req: FastifyRequest,
    reply: FastifyReply,
    secret: string,
    errors?: Record<string, string[]>,
  ) {
    const r = await own(req, secret);
    if (!r) return reply.callNotFound();
    const calendar = await loadCalendar(db);
    const view = await presentForRequester(db, calendar, r, serviceNow());
    const ds = view.datasetId ? await publicDatasetName(db, view.datasetId) : undefined;
    return html(
      reply,
      StatusPage({
        ctx: pageContext(req, reply, site),
        view,
        secret,
        datasetHref: ds ? `/dataset/${ds}` : null,
        errors,
      }),
      errors ? 400 : 200,
    );
  }

  app.get('/permintaan-data/:code', (req, reply) =>
    renderStatus(req, reply, str((req.query as { s?: unknown }).s, 100)),
  );

  const posts = [
    ['konfirmasi', dataRequestVerify, () => ({})],
    ['keberatan', dataRequestObject, (b: Record<string, unknown>) => ({ reason: str(b.reason) })],
    [
      'nilai',
      dataRequestRate,
      (b: Record<string, unknown>) => ({
        scores: Array.from({ length: 9 }, (_, i) => str(b[`score_${i}`], 2)),
        comment: str(b.comment, 2000),
      }),
    ],
  ] as const;
  for (const [verb, action, extra] of posts) {
    app.post(`/permintaan-data/:code/${verb}`, PUBLIC_FORM, async (req, reply) => {
      const body = (req.body ?? {}) as Record<string, unknown>;
      const secret = str(body.s, 100);
      const code = str((req.params as { code: string }).code, 20).toUpperCase();
      try {
        await executeAction(
          actionContext(req, database, config.siteUrl),
          action as typeof dataRequestObject,
          {
            code,
            secret,
            ...extra(body),
          } as never,
        );
      } catch (err) {
        const refused = refusal(err, req.locale);
        if (!refused) throw err;
        return renderStatus(req, reply, secret, refused.errors);
      }
      return redirectAfterPost(reply, `/permintaan-data/${code}?s=${encodeURIComponent(secret)}`);
    });
  }

  app.get('/permintaan-data/:code/berkas', async (req, reply) => {
    const r = await own(req, str((req.query as { s?: unknown }).s, 100));
    const expired = !r?.file_expires_at || serviceNow() > new Date(r.file_expires_at);
    if (!r?.file_key || r.outcome !== 'delivered_file' || expired) return reply.callNotFound();
    return reply
      .type('application/octet-stream')
      .header('cache-control', 'no-store')
      .header('content-disposition', `attachment; filename="${safeFileName(r.file_name ?? 'data')}"`)
      .send(files.open(r.file_key));
  });
}
