import { Readable } from 'node:stream';
import { z } from 'zod';
import { authorize } from '../../../kernel/access/policy.js';
import { defineAction } from '../../../kernel/actions/action.js';
import { mutate } from '../../../kernel/actions/context.js';
import type { StoredLogo } from '../../../kernel/db/schema/portal.js';
import { NotFoundError, ValidationError } from '../../../kernel/errors.js';
import { checkLogoFile, LOGO_MAX_BYTES } from '../domain/logo-file.js';
import { findAgencyForLogo, saveAgencyLogo, saveRegionLogo } from './logo.repository.js';

const AGENCY_NOT_FOUND = { id: 'Perangkat daerah tidak ditemukan', en: 'Agency not found' };
const ALT_REQUIRED = {
  id: 'Isi teks alternatif logo (apa yang dibacakan pembaca layar)',
  en: 'Fill in the logo alternative text (what a screen reader says)',
};

const EXTENSION = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/svg+xml': 'svg' } as const;

/**
 * The administrator uploads the region's logo (shown in every page header) or an agency's logo
 * (shown on its public page), with its alternative text in both languages. The file is checked
 * by its bytes (PNG, JPEG, or an SVG with nothing active or external; at most 512 KB), stored in
 * the file store, and the change audit-logged; the previous file stays in the store.
 */
export const portalLogoSave = defineAction({
  name: 'portal_logo_save',
  sideEffectFree: false,
  requires: 'portal:manage',
  input: z.object({
    /** `region` for the region's logo, or the agency whose logo this is. */
    target: z.union([z.literal('region'), z.string().uuid()]),
    /** The file's bytes, base64 (the page reads the upload, at most LOGO_MAX_BYTES + 1 bytes). */
    file: z.string().max(Math.ceil(((LOGO_MAX_BYTES + 1) * 4) / 3) + 4),
    /** Alternative text in Indonesian. */
    alt_id: z.string().trim().max(200),
    /** Alternative text in English. */
    alt_en: z.string().trim().max(200),
  }),
  authorize: (ctx, input) =>
    authorize(ctx.actor, input.target === 'region' ? 'portal:manage' : 'agency:update'),
  async run(ctx, input) {
    const bytes = Buffer.from(input.file, 'base64');
    const checked = checkLogoFile(bytes);
    const fields: Record<string, { id: string; en: string }[]> = {};
    if (!checked.ok) fields.file = [checked.problem];
    if (!input.alt_id) fields.alt_id = [ALT_REQUIRED];
    if (!input.alt_en) fields.alt_en = [ALT_REQUIRED];
    if (!checked.ok || Object.keys(fields).length) throw new ValidationError(fields);
    if (!ctx.files) throw new Error('portal_logo_save needs the file store');
    const files = ctx.files;
    return mutate(ctx, async (trx, audit) => {
      const agency = input.target === 'region' ? null : await findAgencyForLogo(trx, input.target);
      if (input.target !== 'region' && !agency) throw new NotFoundError(AGENCY_NOT_FOUND);
      const stored = await files.save(
        Readable.from(bytes),
        `logo-${agency?.code ?? 'region'}.${EXTENSION[checked.type]}`,
        LOGO_MAX_BYTES,
      );
      const logo: StoredLogo = {
        key: stored.key,
        type: checked.type,
        size: stored.size,
        hash: stored.hash,
        alt_id: input.alt_id,
        alt_en: input.alt_en,
        updated_at: new Date().toISOString(),
      };
      if (agency) await saveAgencyLogo(trx, agency.id, logo);
      else await saveRegionLogo(trx, logo);
      await audit({
        action: 'portal_logo_save',
        subjectType: agency ? 'agency' : 'site',
        subjectId: agency?.id ?? null,
        summary: { type: logo.type, size: logo.size, hash: logo.hash, previous: agency?.logo?.hash ?? null },
      });
      return { target: agency?.code ?? 'region', type: logo.type };
    });
  },
});
