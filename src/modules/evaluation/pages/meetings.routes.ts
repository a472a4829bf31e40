import type { FastifyInstance } from 'fastify';
import { executeAction } from '../../../kernel/actions/action.js';
import type { AppDeps } from '../../../kernel/http/app-deps.js';
import { formErrors } from '../../../kernel/http/form-errors.js';
import { pageContext } from '../../../kernel/http/page-context.js';
import { actionContext, redirectAfterPost } from '../../../kernel/http/request-context.js';
import { forumMeetingCreate } from '../../planning/index.js';
import { MeetingFormPage } from './meetings-section.js';

const yearOf = (q: Record<string, string | undefined>) => {
  const y = Number(q.tahun);
  return Number.isInteger(y) && y >= 2000 && y <= 2100 ? y : new Date().getFullYear();
};

export function meetingRoutes(
  app: FastifyInstance,
  { database, site, config }: Pick<AppDeps, 'database' | 'site' | 'config'>,
) {
  const ctxOf = (req: Parameters<typeof actionContext>[0]) => actionContext(req, database, config.siteUrl);
  // The yearly evaluation's coordination meeting: a forum meeting with purpose `evaluation`,
  // whose page (minutes, attendance) is the forum meeting's.
  app.post('/evaluasi/rapat', async (req, reply) => {
    const year = yearOf(req.query as Record<string, string | undefined>);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const typed = Object.fromEntries(
      ['title', 'held_on', 'place', 'agenda', 'invitees'].map((k) => [k, String(body[k] ?? '')]),
    );
    let id: string;
    try {
      ({ id } = await executeAction(ctxOf(req), forumMeetingCreate, {
        year,
        title: typed.title ?? '',
        held_on: typed.held_on ?? '',
        ...(typed.place ? { place: typed.place } : {}),
        ...(typed.agenda ? { agenda: typed.agenda } : {}),
        ...(typed.invitees ? { invitees: typed.invitees } : {}),
        purpose: 'evaluation',
      }));
    } catch (err) {
      const errors = formErrors(err, req.locale);
      const html = MeetingFormPage({ ctx: pageContext(req, reply, site), year, form: { errors, typed } });
      return reply.code(400).type('text/html; charset=utf-8').send(html);
    }
    return redirectAfterPost(reply, `/workspace/forum/${id}?done=1`);
  });
}
