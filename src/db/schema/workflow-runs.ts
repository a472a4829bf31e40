/**
 * Tables of the workflow-runs area. Each area keeps its table interfaces in its own file;
 * `DB` in ../schema.ts extends them all.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled as the area's migration adds tables
export interface WorkflowRunTables {}
