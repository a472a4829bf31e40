import type { FastifyInstance, FastifyRequest } from 'fastify';
import { checkRequires, executeActionForApi } from '../../actions/action.js';
import { JsonText } from '../../actions/json-text.js';
import { ACTION_REGISTRY } from '../../actions/registry.js';
import { BadRequestError, NotAuthorizedError } from '../../errors.js';
import type { AppDeps } from '../app-deps.js';
import { actionContext } from '../request-context.js';
import { readApiInput } from './api-input.js';
import { reportApiUse } from './api-use.js';
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
      // Everything that can be decided without the body is decided before it is read: the
      // action exists, the caller holds its `requires`, and a file is stored only for an action
      // that takes one (the request then owns it: removed unless the action succeeds).
      checkRequires(req.actor, action);
      const { input, storedAll } = await readApiInput(req, files, config.uploadMaxBytes, {
        acceptsUpload: action.acceptsUpload === true,
        acceptsMany: action.acceptsManyUploads === true,
      });
      let result: unknown;
      try {
        const ctx = {
          ...actionContext(req, database, config.siteUrl),
          datastoreSql: config.datastoreSql,
          files,
        };
        result = await executeActionForApi(ctx, action, input);
      } catch (err) {
        // The action refused: a file streamed for it must not linger.
        for (const f of storedAll) await files.remove(f.key);
        throw err;
      }
      reportApiUse(database.db, req, name, result);
      // A cached answer is counted again at each hit, from what the observer reads of it.
      if (action.anonymousCache && result instanceof JsonText)
        req.pageCacheTag = JSON.stringify(result.summary);
      return sendResult(reply, help, result);
    } catch (err) {
      if (!(err instanceof Error) || !('status' in err)) req.log.error({ err }, 'API action failed');
      return sendError(reply, help, err, req.locale);
    }
  };
  // A repeat anonymous read of a cacheable action (package_search, package_show) is answered
  // from the page cache while the catalog's stamps hold, like the search and dataset pages; a
  // hit is reported as API use as the call itself would have been.
  const nameOf = (req: FastifyRequest) => (req.params as { name?: string }).name ?? '';
  const cached = {
    config: {
      pageCache: {
        applies: (req: FastifyRequest) => ACTION_REGISTRY[nameOf(req)]?.anonymousCache === true,
        onHit: (req: FastifyRequest, summary: string | undefined) => {
          if (summary) reportApiUse(database.db, req, nameOf(req), JSON.parse(summary));
        },
      },
    },
  };
  for (const prefix of ['/api/3/action', '/api/action']) {
    app.get(`${prefix}/:name`, cached, handler);
    app.post(`${prefix}/:name`, handler);
  }
}
