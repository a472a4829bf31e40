import type { z } from 'zod';
import type { Action } from '../access/permission.js';
import { type Actor, grantScope } from '../access/policy.js';
import { NotAuthorizedError } from '../errors.js';
import type { ActionContext } from './context.js';
import type { JsonText } from './json-text.js';
import { parseInput } from './parse-input.js';

/**
 * One use case: its input schema, its authorization (through the policy) and its work.
 * The CKAN API, the portal and the back office all run actions through `executeAction`,
 * so every surface gets the same validation and the same policy.
 */
export interface ActionDefinition<S extends z.ZodType = z.ZodType, O = unknown> {
  /** CKAN-style snake_case name (`user_create`), also the API action name. */
  name: string;
  /** True for reads: allowed over GET with query parameters. */
  sideEffectFree: boolean;
  /**
   * True for a read whose anonymous GET answer depends only on the public catalog (moved by its
   * change stamps) and whose calls are not counted: the API serves a repeat from the page cache
   * (kernel/http/page-cache.ts), as the search page is.
   */
  anonymousCache?: boolean;
  /**
   * A permission the actor must hold in some scope before the input is even read, so a caller
   * with no right at all gets 403 rather than a validation report (CKAN checks access first).
   */
  requires?: Action;
  /**
   * True when the action takes a file: a multipart `upload` streamed into the file store as
   * `input.upload`. The API refuses a file sent to any other action before storing a byte.
   */
  acceptsUpload?: boolean;
  /**
   * True when the action also takes several files: multipart parts named `upload_<n>` (or
   * `uploads`) arrive as `input.uploads`, each with its part name (`upload_2` answers the
   * step's requirement 2). Needs `acceptsUpload`.
   */
  acceptsManyUploads?: boolean;
  input: S;
  /** Throws NotAuthorizedError / NotFoundError; may load what it needs to decide. */
  authorize(ctx: ActionContext, input: z.infer<S>): Promise<void> | void;
  run(ctx: ActionContext, input: z.infer<S>): Promise<O>;
  /**
   * The same answer as `run`, serialized, for the API only: an action whose answer is stored as
   * JSON text sends that text (see JsonText). Other surfaces call `run`.
   */
  runAsJson?(ctx: ActionContext, input: z.infer<S>): Promise<JsonText>;
}

/** Identity helper that keeps the input type flowing from the schema into authorize/run. */
export function defineAction<S extends z.ZodType, O>(def: ActionDefinition<S, O>): ActionDefinition<S, O> {
  return def;
}

/**
 * The check that needs no input: the actor holds the action's `requires` permission in some
 * scope. The API runs it before reading a body (a file is not accepted for a caller without it).
 */
export function checkRequires(actor: Actor, action: Pick<ActionDefinition, 'requires'>): void {
  if (action.requires && grantScope(actor, action.requires) === null)
    throw new NotAuthorizedError(action.requires);
}

/** Parse, authorize, run. */
export async function executeAction<S extends z.ZodType, O>(
  ctx: ActionContext,
  action: ActionDefinition<S, O>,
  raw: unknown,
): Promise<O> {
  checkRequires(ctx.actor, action);
  const input = parseInput(action.input, raw);
  await action.authorize(ctx, input);
  return action.run(ctx, input);
}

/** Parse, authorize, run: the API's variant, which takes the serialized answer where there is one. */
export async function executeActionForApi<S extends z.ZodType, O>(
  ctx: ActionContext,
  action: ActionDefinition<S, O>,
  raw: unknown,
): Promise<O | JsonText> {
  checkRequires(ctx.actor, action);
  const input = parseInput(action.input, raw);
  await action.authorize(ctx, input);
  return action.runAsJson ? action.runAsJson(ctx, input) : action.run(ctx, input);
}
