import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authorize } from '../../../kernel/access/policy.js';
import { executeAction } from '../../../kernel/actions/action.js';
import { formBody, sendPage, textField } from '../../../kernel/http/admin-form.js';
import type { AppDeps } from '../../../kernel/http/app-deps.js';
import { pageContext } from '../../../kernel/http/page-context.js';
import { actionContext, redirectAfterPost } from '../../../kernel/http/request-context.js';
import { dataRequestSettingsUpdate } from '../actions/request-settings.js';
import { loadRequestSettings } from '../settings.js';
import { refusal } from './errors.js';
import { RequestSettingsPage, type SettingsValues } from './settings.page.js';
import { b, say } from './text.js';

/** The admin page of the service's settings: retention of personal data, the public list switch. */
export async function dataRequestSettingsRoutes(app: FastifyInstance, { config, database, site }: AppDeps) {
  const db = database.db;

  async function render(
    req: FastifyRequest,
    reply: FastifyReply,
    values?: SettingsValues,
    errors?: Record<string, string[]>,
    status = 200,
  ) {
    const stored = await loadRequestSettings(db);
    const ctx = { ...pageContext(req, reply, site), path: '/admin/permintaan-data' };
    if ((req.query as { done?: string }).done === 'saved')
      ctx.notice = say(req.locale, b('Pengaturan tersimpan.', 'Settings saved.'));
    const shown = values ?? { retention_days: String(stored.retentionDays), public_list: stored.publicList };
    return sendPage(reply, RequestSettingsPage({ ctx, values: shown, errors }), status);
  }

  app.get('/admin/permintaan-data', async (req, reply) => {
    if (!req.actor.userId) return reply.redirect(`/login?next=${encodeURIComponent(req.url)}`);
    authorize(req.actor, 'portal:manage');
    return render(req, reply);
  });

  app.post('/admin/permintaan-data', async (req, reply) => {
    if (!req.actor.userId) return reply.redirect('/login?next=/admin/permintaan-data');
    authorize(req.actor, 'portal:manage');
    const body = formBody(req.body);
    const values: SettingsValues = {
      retention_days: textField(body, 'retention_days').slice(0, 10),
      public_list: textField(body, 'public_list') === 'on',
    };
    try {
      await executeAction(actionContext(req, database, config.siteUrl), dataRequestSettingsUpdate, values);
    } catch (err) {
      const refused = refusal(err, req.locale);
      if (!refused) throw err;
      return render(req, reply, values, refused.errors, refused.status);
    }
    return redirectAfterPost(reply, '/admin/permintaan-data?done=saved');
  });
}
