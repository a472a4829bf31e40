export { apiTokenCreate } from './actions/api-token-create.js';
export { userCreate } from './actions/user-create.js';
export { userUpdate } from './actions/user-update.js';
export { attemptLogin } from './login.js';
export { accountsModule } from './module.js';
export { LoginPage } from './pages/login.page.js';
export { userAdminRoutes } from './pages/user-admin.routes.js';
export { endSession, loadActor, SESSION_COOKIE, startSession } from './session.js';
export { countUsers, findUser, listDemoUsernames } from './user.repository.js';
