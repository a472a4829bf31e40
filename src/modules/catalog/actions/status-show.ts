import { z } from 'zod';
import { authorize } from '../../../kernel/access/policy.js';
import { defineAction } from '../../../kernel/actions/action.js';
import { getSetting } from '../../../kernel/db/settings.repository.js';
import type { SiteInfo } from '../../../kernel/http/page-context.js';

/** CKAN `status_show`: what this site is, for harvesters and clients. */
export const statusShow = defineAction({
  name: 'status_show',
  sideEffectFree: true,
  input: z.object({}).passthrough(),
  authorize: (ctx) => authorize(ctx.actor, 'portal:read'),
  async run(ctx) {
    const site = await getSetting<SiteInfo>(ctx.db, 'site');
    const name = site?.regionName ?? 'Satu Data';
    return {
      site_title: `Satu Data ${name}`,
      site_description: `Portal Satu Data ${name}`,
      site_url: ctx.siteUrl ?? '',
      error_emails_to: null,
      locale_default: 'id',
      extensions: ['satudata'],
      ckan_version: '2.11.0',
      satudata_version: '0.1.0',
      region_code: site?.regionCode ?? null,
    };
  },
});
