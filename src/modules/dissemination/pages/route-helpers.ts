import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../kernel/http/app-deps.js';
import { actionContext } from '../../../kernel/http/request-context.js';

/** What the dissemination routes share. */

export const NAME = /^[a-z0-9-]{1,100}$/;
export const HASH = /^[0-9a-f]{64}$/;

/** The verification page's address for an edition (in the book's QR code and colophon). */
export const verifyPath = (hash: string) => `/publikasi/verifikasi/${hash}`;

export function needLogin(req: FastifyRequest, reply: FastifyReply): boolean {
  if (req.actor.userId) return false;
  reply.redirect(`/login?next=${encodeURIComponent(req.url)}`);
  return true;
}

/** The action context of a request, with the file store (publication files are written by actions). */
export const actionContextOf =
  ({ config, database, files }: AppDeps) =>
  (req: FastifyRequest) => ({
    ...actionContext(req, database, config.siteUrl),
    files,
  });

export const localeOf = (req: FastifyRequest) => req.locale as 'id' | 'en';
