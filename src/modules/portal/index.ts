export { portalModule } from './module.js';
