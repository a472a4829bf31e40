import type { FastifyRequest } from 'fastify';
import type { ActionContext } from '../../../kernel/actions/context.js';
import type { AppDeps } from '../../../kernel/http/app-deps.js';
import { actionContext } from '../../../kernel/http/request-context.js';

/** What the planning routes share to read a request: form fields, the year in a URL, the action context. */

export type Body = Record<string, unknown>;
export const str = (v: unknown) => (typeof v === 'string' ? v : '');
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function yearOf(raw: string): number | null {
  const y = Number(raw);
  return Number.isInteger(y) && y >= 2000 && y <= 2100 ? y : null;
}

/** Form fields as typed (strings only), so a refused form shows them again. */
export function typedOf(body: Body): Record<string, string> {
  return Object.fromEntries(
    Object.entries(body).filter(([k, v]) => typeof v === 'string' && k !== '_csrf'),
  ) as Record<string, string>;
}

/** The action context of a request, as the planning routes run their actions. */
export function planningCtx({ database, config }: Pick<AppDeps, 'database' | 'config'>) {
  return (req: FastifyRequest): ActionContext => actionContext(req, database, config.siteUrl);
}
