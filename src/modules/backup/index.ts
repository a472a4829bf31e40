export { restoreBackup, writeBackup } from './backup.js';
