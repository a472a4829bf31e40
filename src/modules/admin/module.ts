import type { AppModule } from '../../kernel/module.js';
import { adminRoutes } from './pages/admin.routes.js';
import { outboxRoutes } from './pages/outbox.routes.js';

/** Administration: the admin home, agencies and users pages, the audit log, the mail outbox. */
export const adminModule: AppModule = { name: 'admin', routes: [adminRoutes, outboxRoutes] };
