import { z } from 'zod';
import { authorize } from '../../../kernel/access/policy.js';
import { defineAction } from '../../../kernel/actions/action.js';
import { findPublication, listPublished } from '../publication.repository.js';
import { listFiles } from '../publication-files.repository.js';
import { fileUrl } from './publication-file-actions.js';
import { KINDS, maySee, NAME, notFound, publicationDict } from './publication-input.js';

/** publication_show: a published publication, or a draft for those who draft and check. */
export const publicationShow = defineAction({
  name: 'publication_show',
  sideEffectFree: true,
  input: z.object({ name: NAME }),
  authorize: (ctx) => authorize(ctx.actor, 'portal:read'),
  async run(ctx, input) {
    const p = await findPublication(ctx.db, input.name);
    if (!p || !maySee(ctx, p)) throw notFound();
    const files = (await listFiles(ctx.db, p.id, p.version)).map((f) => ({
      name: f.file_name,
      type: f.content_type,
      size: f.size,
      origin: f.origin,
      url: `${ctx.siteUrl ?? ''}${fileUrl(p.name, p.version, f.file_name)}`,
    }));
    return publicationDict(p, files);
  },
});

/** publication_list: published publications, newest first, with search words, topic and kind. */
export const publicationList = defineAction({
  name: 'publication_list',
  sideEffectFree: true,
  input: z.object({
    q: z.string().trim().max(200).optional(),
    topic: z.string().trim().max(100).optional(),
    kind: z.enum(KINDS).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(60),
  }),
  authorize: (ctx) => authorize(ctx.actor, 'portal:read'),
  async run(ctx, input) {
    const rows = await listPublished(ctx.db, {
      ...(input.q ? { q: input.q } : {}),
      ...(input.topic ? { topic: input.topic } : {}),
      ...(input.kind ? { kind: input.kind } : {}),
      limit: input.limit,
    });
    return rows.map((r) => publicationDict(r));
  },
});
