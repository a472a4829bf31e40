import type { ActionDefinition } from './action.js';

/**
 * Every action by name. The API, the pages and the CLI find actions here and nowhere else.
 * Filled once by the wiring (src/modules.ts) from each module's list of actions.
 */
export const ACTION_REGISTRY: Record<string, ActionDefinition> = {};

/** Add a module's actions; two actions with one name is a bug and stops the start. */
export function registerActions(actions: readonly ActionDefinition[]): void {
  for (const action of actions) {
    const known = ACTION_REGISTRY[action.name];
    if (known && known !== action) throw new Error(`action ${action.name} is registered twice`);
    ACTION_REGISTRY[action.name] = action;
  }
}
