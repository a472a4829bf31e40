export { workspaceModule } from './module.js';
export { WorkspacePage } from './pages/workspace.page.js';
