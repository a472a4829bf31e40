export * from './data-standard.js';
export * from './form.js';
export * from './form-values.js';
export { MS_IND } from './ms-ind.js';
export { MS_KEG, RECOMMENDATION_STATUSES } from './ms-keg.js';
export { MS_VAR } from './ms-var.js';
export * from './variables.js';
