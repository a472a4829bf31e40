import { z } from 'zod';
import { defineAction } from '../../../kernel/actions/action.js';
import { ACTION_REGISTRY } from '../../../kernel/actions/registry.js';
import { NotFoundError } from '../../../kernel/errors.js';
import { actionHelp } from './action-help.js';

/**
 * `help_show` (ckan/logic/action/get.py `help_show`): the documentation of an action by name,
 * where every response's `help` key points. Public, as in CKAN (auth `help_show` allows all).
 */
export const helpShowAction = defineAction({
  name: 'help_show',
  sideEffectFree: true,
  input: z.object({ name: z.string().min(1).max(200).describe('The action name, e.g. package_search') }),
  authorize: () => undefined,
  run: async (_ctx, { name }) => {
    const action = Object.hasOwn(ACTION_REGISTRY, name) ? ACTION_REGISTRY[name] : undefined;
    // CKAN: `raise NotFound('Action function not found')`.
    if (!action)
      throw new NotFoundError({ id: 'Fungsi aksi tidak ditemukan', en: 'Action function not found' });
    return actionHelp(action);
  },
});
