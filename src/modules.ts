/**
 * Wiring: the capability modules this platform is made of, and the one place that registers
 * their actions, job kinds and extensions with the kernel. The kernel imports no module;
 * `main.ts`, the CLI and the tests reach the modules through this file.
 */
import type { FastifyInstance } from 'fastify';
import { registerActions } from './kernel/actions/registry.js';
import { type AppOptions, buildApp } from './kernel/http/app.js';
import { registerJobKind } from './kernel/jobs/job-kinds.js';
import type { AppModule } from './kernel/module.js';
import { accountsModule } from './modules/accounts/index.js';
import { adminModule } from './modules/admin/index.js';
import { agenciesModule } from './modules/agencies/index.js';
import { apiDocsModule } from './modules/api-docs/index.js';
import { catalogModule } from './modules/catalog/index.js';
import { dataRequestsModule } from './modules/data-requests/index.js';
import { datastoreModule } from './modules/datastore/index.js';
import { disseminationModule } from './modules/dissemination/index.js';
import { evaluationModule } from './modules/evaluation/index.js';
import { linkedDataModule } from './modules/linked-data/index.js';
import { metadataModule } from './modules/metadata/index.js';
import { planningModule } from './modules/planning/index.js';
import { portalModule } from './modules/portal/index.js';
import { sopModule } from './modules/sop/index.js';
import { verificationModule } from './modules/verification/index.js';
import { workflowsModule } from './modules/workflows/index.js';
import { workspaceModule } from './modules/workspace/index.js';

/**
 * Every module, in the order its routes are registered. Workflows come first: their
 * unencapsulated hook counts the nav badge for every page registered after it.
 */
export const MODULES: readonly AppModule[] = [
  workflowsModule,
  sopModule,
  portalModule,
  workspaceModule,
  metadataModule,
  datastoreModule,
  accountsModule,
  adminModule,
  agenciesModule,
  catalogModule,
  verificationModule,
  dataRequestsModule,
  planningModule,
  apiDocsModule,
  linkedDataModule,
  disseminationModule,
  evaluationModule,
];

let installed = false;

/** Register every module's actions, job kinds and extensions (idempotent). */
export function installModules(): void {
  if (installed) return;
  installed = true;
  for (const m of MODULES) {
    registerActions(m.actions ?? []);
    for (const job of m.jobs ?? []) registerJobKind(job);
    m.install?.();
  }
}

/** The HTTP app with every module mounted. */
export async function createApp(
  opts: Omit<AppOptions, 'modules' | 'authenticator'>,
): Promise<FastifyInstance> {
  installModules();
  const authenticator = MODULES.find((m) => m.authenticator)?.authenticator;
  if (!authenticator) throw new Error('no module authenticates requests');
  return buildApp({ ...opts, modules: MODULES, authenticator });
}

installModules();
