import type { FastifyPluginAsync } from 'fastify';
import type { ActionDefinition } from './actions/action.js';
import type { AppDeps } from './http/app-deps.js';
import type { Authenticator } from './http/request-context.js';
import type { JobKindDefinition } from './jobs/job-kinds.js';

/**
 * What a capability module hands the wiring (`src/modules.ts`) through its `index.ts`: its
 * actions (API names), its route plugins, its job kinds, and `install`, where it plugs into the
 * extension points of the modules below it (as a CKAN plugin implements an interface). The
 * kernel knows this shape and nothing of any module.
 */
export interface AppModule {
  /** Folder name under src/modules. */
  name: string;
  actions?: readonly ActionDefinition[];
  routes?: readonly FastifyPluginAsync<AppDeps>[];
  jobs?: readonly JobKindDefinition[];
  /** Turns sessions and API tokens into actors (one module provides it: accounts). */
  authenticator?: Authenticator;
  /** Register into lower modules' extension points; called once, before anything runs. */
  install?(): void;
}
