export { seedDemoRequests } from './demo-requests.js';
export { figureOf, type RequestFigure, requestServiceFigures } from './figures.js';
export { dataRequestsModule } from './module.js';
export { scheduleDataRequestSweep } from './sweep-job.js';
