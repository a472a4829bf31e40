import type { FastifyInstance, FastifyRequest } from 'fastify';
import { executeAction } from '../../../kernel/actions/action.js';
import type { AppDeps } from '../../../kernel/http/app-deps.js';
import { actionContext, redirectAfterPost } from '../../../kernel/http/request-context.js';
import {
  datasetClassificationSet,
  datasetClassificationShow,
  datasetConformity,
} from '../../metadata/index.js';
import type { DatasetWorkView } from './dataset-work.js';

/** Load the work view for a dataset the actor may edit (the form's route checked that). */
export async function loadDatasetWork(
  req: FastifyRequest,
  deps: Pick<AppDeps, 'database' | 'config'>,
  dict: { id: string; name: string; owner_org: string },
): Promise<DatasetWorkView> {
  const ctx = actionContext(req, deps.database, deps.config.siteUrl);
  const shown = await executeAction(ctx, datasetClassificationShow, { id: dict.id });
  return {
    name: dict.name,
    agencyId: dict.owner_org,
    classification: shown.classification,
    sharedWith: shown.shared_with.map((a) => a.code),
    conformity: await datasetConformity(deps.database.db, dict.id),
  };
}

/** The classification form's target: the same action the API runs, then back to the form. */
export async function datasetWorkRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.post('/workspace/datasets/:name/classification', async (req, reply) => {
    const { name } = req.params as { name: string };
    const body = (req.body ?? {}) as { classification?: string; shared_with?: string };
    const ctx = actionContext(req, deps.database, deps.config.siteUrl);
    await executeAction(ctx, datasetClassificationSet, {
      id: name,
      classification: body.classification,
      shared_with: body.classification === 'restricted' ? (body.shared_with ?? '') : [],
    });
    return redirectAfterPost(reply, `/workspace/datasets/${encodeURIComponent(name)}/edit?done=saved`);
  });
}
