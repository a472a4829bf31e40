export type { BackupSummary } from './backup-file.js';
export { restoreBackup } from './backup-restore.js';
export { writeBackup } from './backup-write.js';
