import { z } from 'zod';
import { authorize } from '../../../kernel/access/policy.js';
import { defineAction } from '../../../kernel/actions/action.js';
import { mutate } from '../../../kernel/actions/context.js';
import { SITE_PAGE_SLUGS } from '../domain/site-pages.js';
import { saveSitePage } from './site-page.repository.js';

/**
 * The custodian (or the administrator) saves a government page's Markdown in both languages.
 * Every save is kept as a revision and audit-logged; the page renders it sanitised.
 */
export const sitePageSave = defineAction({
  name: 'site_page_save',
  sideEffectFree: false,
  requires: 'portal:manage',
  input: z.object({
    slug: z.enum(SITE_PAGE_SLUGS),
    /** Markdown in Indonesian. */
    body_id: z.string().trim().min(1).max(100_000),
    /** Markdown in English. */
    body_en: z.string().trim().min(1).max(100_000),
  }),
  authorize: (ctx) => authorize(ctx.actor, 'portal:manage'),
  async run(ctx, input) {
    return mutate(ctx, async (trx, audit) => {
      const rev = await saveSitePage(trx, { ...input, actorId: ctx.actor.userId });
      await audit({
        action: 'site_page_save',
        subjectType: 'site_page',
        subjectId: null,
        summary: {
          slug: input.slug,
          revision: rev.id,
          length_id: input.body_id.length,
          length_en: input.body_en.length,
        },
      });
      return { slug: input.slug, revision: rev.id };
    });
  },
});
