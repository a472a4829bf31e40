import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { LRUCache } from 'lru-cache';

/**
 * The anonymous page cache (issue #21): a public page a route opts into (`config.pageCache`) is
 * kept in memory after it is rendered for a reader with no session, keyed by the catalog's two
 * change stamps (`catalog_stamp`, migration 0033), the language, the route's variant and the URL.
 * A repeat view costs one indexed read of the stamps instead of the page's queries and
 * rendering. It stays correct with several instances: the stamps live in the database and any
 * committed change to what a public page shows moves one of them, so no instance serves a page
 * older than the last change. Counters on pages (views, downloads) are not part of the stamps:
 * an entry lives at most `ttlMs`, so they are at most that old.
 *
 * Only answers that are the same for every anonymous reader are stored: 200, a string body, no
 * Set-Cookie (a page that minted a CSRF token for its reader is never shared).
 */
export interface PageCacheOptions {
  /** The catalog's change stamps, read from the database on every cacheable request. */
  readStamps: () => Promise<string>;
  /** The session cookie's name: a request carrying it may be someone's, never served from here. */
  sessionCookie: string;
  /** Reads the reader's language the way the request context does. */
  localeOf: (req: FastifyRequest) => string;
  maxEntries?: number;
  ttlMs?: number;
  /** Off switch (PAGE_CACHE=off), so a benchmark can measure the pages cold. */
  enabled?: boolean;
}

/** What a route declares to be cached; `onHit` runs for a view served from the cache. */
export interface PageCacheRoute {
  onHit?: (req: FastifyRequest, tag: string | undefined) => Promise<void> | void;
  /**
   * What else of the request picks the answer, for a route that negotiates (the dataset page
   * answers RDF to an `Accept` asking for it): the variant's name, part of the key. Without it
   * the key is the URL and language only, so browsers' many Accept strings share one entry.
   */
  variant?: (req: FastifyRequest) => string;
  /**
   * For a route that serves many things (the Action API's `/:name`): whether this request's
   * answer may be kept. Without it every anonymous GET of the route is.
   */
  applies?: (req: FastifyRequest) => boolean;
}

interface Entry {
  body: string;
  type: string;
  tag: string | undefined;
  /** The answer's ETag, kept so a hit is not hashed again. */
  etag: string | undefined;
}

/**
 * The stamp reads of concurrent requests coalesced, without ever answering from a read that began
 * before the request arrived (it could miss a change committed just before): a request that finds
 * a read running waits for the next one, which starts when the running one ends and serves every
 * request that arrived meanwhile. Under load that is two reads in flight at most instead of one
 * per request; alone, a request costs one read as before.
 */
export function coalescedReads(read: () => Promise<string>): () => Promise<string> {
  let running: Promise<string> | null = null;
  let next: Promise<string> | null = null;
  const start = (): Promise<string> => {
    const p = read().finally(() => {
      if (running === p) running = null;
    });
    running = p;
    return p;
  };
  return () => {
    if (!running) return start();
    if (!next) {
      const queued: Promise<string> = running
        .catch(() => undefined)
        .then(() => {
          next = null;
          return start();
        });
      next = queued;
    }
    return next;
  };
}

declare module 'fastify' {
  interface FastifyContextConfig {
    pageCache?: PageCacheRoute;
  }
  interface FastifyRequest {
    /** The key this anonymous request's page is stored under once rendered. */
    pageCacheKey?: string;
    /** Set by a handler: handed to the route's `onHit` when the page is served from the cache. */
    pageCacheTag?: string;
  }
}

function isAnonymous(req: FastifyRequest, sessionCookie: string): boolean {
  return req.headers.authorization === undefined && req.cookies[sessionCookie] === undefined;
}

export const pageCache = fp(async (app: FastifyInstance, options: PageCacheOptions) => {
  if (options.enabled === false) return;
  const cache = new LRUCache<string, Entry>({
    max: options.maxEntries ?? 2000,
    ttl: options.ttlMs ?? 60_000,
    // Entries are weighed by their size so a few huge pages cannot hold the memory.
    maxSize: 64 * 1024 * 1024,
    sizeCalculation: (e) => e.body.length + 64,
  });

  const readStamps = coalescedReads(options.readStamps);

  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    const route = req.routeOptions.config?.pageCache;
    if (!route || req.method !== 'GET' || !isAnonymous(req, options.sessionCookie)) return;
    if (route.applies && !route.applies(req)) return;
    const stamps = await readStamps();
    const key = `${stamps}|${options.localeOf(req)}|${route.variant?.(req) ?? ''}|${req.url}`;
    const hit = cache.get(key);
    if (!hit) {
      req.pageCacheKey = key;
      return;
    }
    await route.onHit?.(req, hit.tag);
    reply.header('content-type', hit.type).header('x-page-cache', 'hit');
    if (hit.etag) reply.header('etag', hit.etag);
    return reply.send(hit.body);
  });

  app.addHook('onSend', async (req, reply, payload) => {
    const key = req.pageCacheKey;
    if (!key || reply.statusCode !== 200 || typeof payload !== 'string') return payload;
    if (reply.hasHeader('set-cookie')) return payload;
    cache.set(key, {
      body: payload,
      type: String(reply.getHeader('content-type') ?? 'text/html'),
      tag: req.pageCacheTag,
      etag: reply.hasHeader('etag') ? String(reply.getHeader('etag')) : undefined,
    });
    return payload;
  });
});
