import type { FastifyInstance, FastifyRequest } from 'fastify';
import { executeAction } from '../../actions/action.js';
import { ACTION_REGISTRY } from '../../actions/registry.js';
import { BadRequestError, NotAuthorizedError } from '../../errors.js';
import type { AppDeps } from '../app-deps.js';
import { actionContext } from '../request-context.js';
import { readApiInput } from './api-input.js';
import { helpUrl, sendError, sendResult } from './ckan-envelope.js';

/**
 * CKAN Action API v3: `/api/3/action/{name}` and `/api/action/{name}`, GET and POST.
 * GET reads query parameters only for side-effect-free actions; POST reads the JSON body.
 * Authentication is the `Authorization` header with an API token, never a cookie.
 */
export async function apiRoutes(app: FastifyInstance, { config, database, files }: AppDeps) {
  const handler = async (
    req: FastifyRequest<{ Params: { name: string } }>,
    reply: import('fastify').FastifyReply,
  ) => {
    const name = req.params.name;
    const help = helpUrl(config.siteUrl, name);
    try {
      if (req.badToken) throw new NotAuthorizedError('api_token');
      const action = ACTION_REGISTRY[name];
      if (!action)
        throw new BadRequestError({
          id: `Nama aksi tidak dikenal: ${name}`,
          en: `Action name not known: ${name}`,
        });
      if (req.method === 'GET' && !action.sideEffectFree)
        throw new BadRequestError({
          id: `Aksi ${name} harus memakai POST`,
          en: `Action ${name} requires POST`,
        });
      const { input, stored } = await readApiInput(req, files, config.uploadMaxBytes);
      let result: unknown;
      try {
        result = await executeAction(actionContext(req, database, config.siteUrl), action, input);
      } catch (err) {
        // The action refused: a file streamed for it must not linger.
        if (stored) await files.remove(stored.key);
        throw err;
      }
      return sendResult(reply, help, result);
    } catch (err) {
      if (!(err instanceof Error) || !('status' in err)) req.log.error({ err }, 'API action failed');
      return sendError(reply, help, err, req.locale);
    }
  };
  for (const prefix of ['/api/3/action', '/api/action']) {
    app.get(`${prefix}/:name`, handler);
    app.post(`${prefix}/:name`, handler);
  }
}
