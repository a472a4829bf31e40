import { z } from 'zod';
import { authorize } from '../../../kernel/access/policy.js';
import { defineAction } from '../../../kernel/actions/action.js';
import { mutate } from '../../../kernel/actions/context.js';
import { putSetting } from '../../../kernel/db/settings.repository.js';
import {
  loadRequestSettings,
  MAX_RETENTION_DAYS,
  MIN_RETENTION_DAYS,
  PUBLIC_LIST_KEY,
  RETENTION_KEY,
} from '../settings.js';

/** A checkbox: present ('on', 'true', true) or absent. */
const checkbox = z.preprocess((v) => v === true || v === 'on' || v === 'true' || v === '1', z.boolean());

/**
 * The region's settings of the service, changed by those who curate the portal: how long the
 * requesters' personal data are kept after the answer, and whether the public list of what was
 * asked is shown. Audited with before and after.
 */
export const dataRequestSettingsUpdate = defineAction({
  name: 'data_request_settings_update',
  sideEffectFree: false,
  requires: 'portal:manage',
  input: z.object({
    retention_days: z.coerce
      .number({ error: 'Isi jumlah hari / Enter a number of days' })
      .int('Isi bilangan bulat / Enter a whole number')
      .min(
        MIN_RETENTION_DAYS,
        `Paling sedikit ${MIN_RETENTION_DAYS} hari / At least ${MIN_RETENTION_DAYS} days`,
      )
      .max(
        MAX_RETENTION_DAYS,
        `Paling banyak ${MAX_RETENTION_DAYS} hari / At most ${MAX_RETENTION_DAYS} days`,
      ),
    public_list: checkbox.default(false),
  }),
  authorize: (ctx) => authorize(ctx.actor, 'portal:manage'),
  async run(ctx, input) {
    return mutate(ctx, async (trx, audit) => {
      const before = await loadRequestSettings(trx);
      await putSetting(trx, RETENTION_KEY, input.retention_days);
      await putSetting(trx, PUBLIC_LIST_KEY, input.public_list);
      await audit({
        action: 'data_request_settings_update',
        subjectType: 'site_setting',
        subjectId: null,
        summary: {
          retention_days: { before: before.retentionDays, after: input.retention_days },
          public_list: { before: before.publicList, after: input.public_list },
        },
      });
      return { retention_days: input.retention_days, public_list: input.public_list };
    });
  },
});
