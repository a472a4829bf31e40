export { DEMO_PASSWORD } from './demo-accounts.js';
export { seedDemo } from './seed-demo.js';
