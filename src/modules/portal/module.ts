import type { AppModule } from '../../kernel/module.js';
import { curationAdminRoutes } from './admin/curation-admin.routes.js';
import { collectionDelete, collectionSave, featuredDatasetsSave } from './collections/curation.actions.js';
import { feedsRoutes } from './feeds/feeds.routes.js';
import { followConfirm, followSubscribe, followUnsubscribe } from './follow/follow.actions.js';
import { followRoutes } from './follow/follow.routes.js';
import { keyIndicatorDelete } from './indicators/key-indicator-delete.js';
import { keyIndicatorSave } from './indicators/key-indicator-save.js';
import { logoRoutes } from './logos/logo.routes.js';
import { portalLogoSave } from './logos/logo-save.js';
import { catalogRoutes } from './pages/catalog.routes.js';
import { curationRoutes } from './pages/curation.routes.js';
import { portalRoutes } from './pages/portal.routes.js';
import { publicExtrasRoutes } from './pages/public-extras.routes.js';
import { contactMessageSend } from './site-pages/contact-message-send.js';
import { sitePageSave } from './site-pages/site-page-save.js';

/**
 * The public portal: home, search, dataset and resource pages, key indicators, agencies, topics,
 * Atom feeds, e-mail follows, sitemap, login and language.
 */
export const portalModule: AppModule = {
  name: 'portal',
  actions: [
    followSubscribe,
    followConfirm,
    followUnsubscribe,
    keyIndicatorSave,
    keyIndicatorDelete,
    collectionSave,
    collectionDelete,
    featuredDatasetsSave,
    sitePageSave,
    contactMessageSend,
    portalLogoSave,
  ],
  routes: [
    portalRoutes,
    catalogRoutes,
    publicExtrasRoutes,
    feedsRoutes,
    followRoutes,
    curationRoutes,
    logoRoutes,
    curationAdminRoutes,
  ],
};
