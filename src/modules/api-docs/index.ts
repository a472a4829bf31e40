export { apiDocsModule } from './module.js';
