import type { ActionDefinition } from '../../kernel/actions/action.js';
import type { AppModule } from '../../kernel/module.js';
import { apiTokenCreate } from './actions/api-token-create.js';
import { apiTokenRevoke } from './actions/api-token-revoke.js';
import { userCreate } from './actions/user-create.js';
import { userPasswordChange } from './actions/user-password-change.js';
import { userShow } from './actions/user-show.js';
import { apiTokenList, userList } from './actions/user-token-list.js';
import { userUpdate } from './actions/user-update.js';
import { accountRoutes } from './pages/account.routes.js';
import { resolveApiToken, resolveSession, SESSION_COOKIE } from './session.js';

/** Accounts: users and their roles, passwords, sessions, API tokens, login. */
export const accountsModule: AppModule = {
  name: 'accounts',
  actions: [
    userShow,
    userCreate,
    userUpdate,
    userPasswordChange,
    apiTokenCreate,
    apiTokenRevoke,
    apiTokenList,
    userList,
  ] as ActionDefinition[],
  routes: [accountRoutes],
  authenticator: {
    sessionCookie: SESSION_COOKIE,
    fromToken: async (db, header) => (await resolveApiToken(db, header)) ?? null,
    fromSession: async (db, config, cookie) => (await resolveSession(db, config, cookie)) ?? null,
  },
};
