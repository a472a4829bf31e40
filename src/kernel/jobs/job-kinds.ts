/**
 * Kinds of background job. A module defines its kinds with `defineJobKind` (a version, a zod
 * payload and a lazily imported handler, so a process that never runs a kind never loads its
 * code, ADR 0003) and lists them in its module entry; the wiring registers them here.
 */
import type { z } from 'zod';
import type { JobHandler } from './job-handler.js';

export interface JobKindDefinition<S extends z.ZodType = z.ZodType> {
  /** Stored in `job.kind`. */
  kind: string;
  version: number;
  payload: S;
  load(): Promise<JobHandler<z.infer<S>>>;
}

/** Identity helper that keeps the payload type flowing into the handler. */
export function defineJobKind<S extends z.ZodType>(def: JobKindDefinition<S>): JobKindDefinition<S> {
  return def;
}

const KINDS = new Map<string, JobKindDefinition>();

/** Called once per kind by the wiring (src/modules.ts); a second kind with the same name is a bug. */
export function registerJobKind(def: JobKindDefinition): void {
  const known = KINDS.get(def.kind);
  if (known && known !== def) throw new Error(`job kind ${def.kind} is registered twice`);
  KINDS.set(def.kind, def);
}

/** The registered definition of a stored kind, or undefined for a kind no module defines. */
export function jobKind(kind: string): JobKindDefinition | undefined {
  return KINDS.get(kind);
}
