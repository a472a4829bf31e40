import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../app-deps.js';

/** Back-office pages for administrators: agencies, users, audit log. */
export async function adminRoutes(_app: FastifyInstance, _deps: AppDeps) {}
