/**
 * The documentation text of one action, as CKAN's `help_show` returns an action's docstring
 * (ckan/logic/action/get.py `help_show`): what it does, how it is called, and its parameters
 * from the input schema.
 */
import type { ActionDefinition } from '../../../kernel/actions/action.js';
import { at } from '../pages/api-docs.messages.js';
import { actionInputSchema, topLevelParams } from './action-schema.js';

/** The one-line summary the API page gives the action (English), or a generic line. */
export function actionSummary(name: string): string {
  try {
    return at('en', `action.${name}` as Parameters<typeof at>[1]);
  } catch {
    // Not one the page documents in full: its parameters below still say how to call it.
    return `The ${name} action.`;
  }
}

export function actionHelp(action: ActionDefinition): string {
  const params = topLevelParams(actionInputSchema(action));
  const lines = [
    actionSummary(action.name),
    '',
    action.sideEffectFree
      ? 'Read-only: GET with query parameters, or POST with a JSON body.'
      : 'Changes data: POST with a JSON body (or multipart for a file), with an API token in the Authorization header.',
    '',
  ];
  if (!params.length) lines.push('Takes no parameters.');
  for (const p of params)
    lines.push(`:param ${p.name}: ${p.text || 'value'}${p.required ? '' : ' (optional)'}`);
  return lines.join('\n');
}
