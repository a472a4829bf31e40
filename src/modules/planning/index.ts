export {
  type AgencyFulfilment,
  type ForumMeetingFigure,
  type PlanningDocumentRef,
  type PlanningFigures,
  planningFigures,
} from './figures.js';
export { planningModule } from './module.js';
