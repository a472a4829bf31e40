export { forumMeetingCreate } from './actions/forum.js';
export { seedPlanningDemo } from './demo-seed.js';
export {
  type AgencyFulfilment,
  type ForumMeetingFigure,
  type PlanningDocumentRef,
  type PlanningFigures,
  planningFigures,
} from './figures.js';
export { meetingsOf } from './forum.repository.js';
export { planningModule } from './module.js';
