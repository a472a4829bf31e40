import type { Multipart, MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route takes files up to UPLOAD_MAX_MB (not the 5 MB default of other forms). */
    largeUpload?: boolean;
  }
  interface FastifyRequest {
    /** The `_csrf` field a multipart form sent as its first part (see readMultipartCsrf). */
    multipartCsrf?: string;
  }
}

/** 403: a form posted from another site (its Origin or Referer is not this site). */
export class CrossOriginError extends AppError {
  readonly status = 403;
  constructor() {
    super({
      id: 'Formulir dikirim dari situs lain dan ditolak. Buka halaman di situs ini lalu kirim lagi.',
      en: 'A form sent from another site is refused. Open the page on this site and send it again.',
    });
  }
}

/** The origin of a URL header value, or 'null' when it is not a URL. */
function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'null';
  }
}

/**
 * Is this form post from the site itself? Browsers send `Origin` on every POST (and `Referer`
 * unless told not to): either one naming another site, or the opaque `null`, refuses the post.
 * A request with neither is not a browser's cross-site post and is left to the CSRF token.
 */
export function isSameOriginPost(req: FastifyRequest, siteUrl: string): boolean {
  const origin = req.headers.origin;
  const source = origin !== undefined ? origin : req.headers.referer && originOf(req.headers.referer);
  if (!source) return true;
  const own = new Set([originOf(siteUrl), originOf(`${req.protocol}://${req.host}`)]);
  return own.has(source);
}

/**
 * The CSRF token of a multipart form, read from its first part: every multipart form puts its
 * hidden `_csrf` field first (browsers send fields in document order), so the token is checked
 * before a byte of any file is read, and it never travels in the URL (where logs would keep it).
 * The rest of the body stays for the route: `req.parts()` and `req.file()` continue after the
 * token, with the route's limits (`largeUpload`: UPLOAD_MAX_MB; else the 5 MB default).
 */
export async function readMultipartCsrf(req: FastifyRequest, uploadMaxBytes: number): Promise<void> {
  const limits = req.routeOptions.config.largeUpload
    ? { fileSize: uploadMaxBytes + 1, files: 1, fields: 100 }
    : { fields: 100 };
  const parts = req.parts({ limits });
  const first = await parts.next();
  const part: Multipart | undefined = first.done ? undefined : first.value;
  if (part?.type === 'file') part.file.resume();
  req.multipartCsrf =
    part?.type === 'field' && part.fieldname === '_csrf' && typeof part.value === 'string' ? part.value : '';
  const rest = req as unknown as {
    parts: () => AsyncIterableIterator<Multipart>;
    file: () => Promise<MultipartFile | undefined>;
  };
  rest.parts = () => parts;
  rest.file = async () => {
    for (;;) {
      const next = await parts.next();
      if (next.done) return undefined;
      if (next.value.type === 'file') return next.value;
    }
  };
}
