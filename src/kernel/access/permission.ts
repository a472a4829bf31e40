import type { Role } from './roles.js';

/**
 * Every action the platform guards, in one enum. Routes, API actions and templates ask the
 * policy about these names only; no code compares roles itself.
 */
export const ACTIONS = [
  'portal:read',
  'account:read_own',
  'account:update_own',
  'token:manage_own',
  'agency:read',
  'agency:create',
  'agency:update',
  'user:read',
  'user:create',
  'user:update',
  'user:assign_role',
  'audit:read',
  /** Storage keys in audit summaries (file paths on the server): administrators only. */
  'audit:read_storage_keys',
  'dataset:read_private',
  'dataset:create',
  'dataset:update',
  'dataset:submit',
  'dataset:verify',
  'dataset:review',
  'dataset:publish',
  'workspace:open',
  'task:read_own',
  'task:act_as_producer',
  'task:act_as_custodian',
  'task:act_as_supervisor',
  'task:act_as_secretariat',
  'task:act_as_leader',
  'task:act_as_administrator',
  'outbox:read',
  'codelist:manage',
  'dataset:read_closed',
  'metadata:update',
  'standard:manage',
  'workflow:configure',
  'workflow:start',
  'calendar:configure',
  /** Create, change and delete topics (CKAN groups); putting a dataset in one is dataset:update. */
  'topic:manage',
  /** Save charts on tables one may read; make publications and send them through the SOP (issue 15). */
  'chart:create',
  'publication:create',
  /** See publications not yet approved (the drafting and checking staff). */
  'publication:read_draft',
  'data_book:generate',
  /** Performance figures and the EPSS result (issue #16); a producer sees its own agency's. */
  'evaluation:read',
  /** The internal team (TPI) picks an EPSS level per indicator with explanation and evidence. */
  'epss:assess',
  /** BPS (Tim Penilai Badan) verifies each indicator: agree, or adjust with a note. */
  'epss:verify',
  /** Generate the yearly report to the head of region. */
  'evaluation:report',
  /** Approve the yearly report before it goes to the head of region. */
  'evaluation:approve',
  /** Edit the EPSS structure (names and weights of domains, aspects, indicators) when BPS changes it. */
  'epss:configure',
  /** Planning (issue #13): keep the yearly data list, moderate proposals, run the forum, enact. */
  'data_list:manage',
  /** A producer agrees or refuses its agency's rows of the planned list with a reason. */
  'data_list:respond',
  /** BPS records its recommendation on a statistical activity (Romantik). */
  'data_list:recommend',
  /** Data requests (issue 14): file one (anyone), read them, handle them, answer for an agency, decide an objection. */
  'data_request:create',
  'data_request:read',
  'data_request:read_personal',
  'data_request:handle',
  'data_request:respond',
  'data_request:decide_objection',
  /** Curate the public portal: collections, featured datasets, key indicators, government pages. */
  'portal:manage',
] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * The grant that reads data of each access classification (a dataset's or one column's alike):
 * restricted data need `dataset:read_private` (or a share with the reader's agency), closed data
 * `dataset:read_closed` — the producing agency and the custodian, nobody else.
 */
export const CLASSIFIED_READ: Record<'restricted' | 'closed', Action> = {
  restricted: 'dataset:read_private',
  closed: 'dataset:read_closed',
};

/**
 * How far a grant reaches: `any` subject, or only subjects of the actor's `own_agency`
 * (a producer touches only its own agency's data).
 */
export type Scope = 'any' | 'own_agency';

/**
 * Role → granted actions with their scope (CKAN's ROLE_PERMISSIONS, with agency scope).
 * Actions not listed are denied. `public` grants apply to every actor.
 */
export const ROLE_GRANTS: Record<Role, Partial<Record<Action, Scope>>> = {
  public: { 'portal:read': 'any', 'agency:read': 'any', 'data_request:create': 'any' },
  producer: {
    'account:read_own': 'any',
    'account:update_own': 'any',
    'token:manage_own': 'any',
    'workspace:open': 'any',
    'dataset:read_private': 'own_agency',
    'dataset:create': 'own_agency',
    'dataset:update': 'own_agency',
    'dataset:submit': 'own_agency',
    'dataset:read_closed': 'own_agency',
    'task:read_own': 'any',
    'task:act_as_producer': 'own_agency',
    'metadata:update': 'own_agency',
    'chart:create': 'own_agency',
    'publication:create': 'own_agency',
    'publication:read_draft': 'own_agency',
    'data_request:read': 'own_agency',
    'data_request:respond': 'own_agency',
    'data_list:respond': 'own_agency',
    'evaluation:read': 'own_agency',
  },
  custodian: {
    'workflow:start': 'any',
    'account:read_own': 'any',
    'account:update_own': 'any',
    'token:manage_own': 'any',
    'workspace:open': 'any',
    'dataset:read_private': 'any',
    'dataset:create': 'any',
    'dataset:update': 'any',
    'dataset:verify': 'any',
    'dataset:publish': 'any',
    'audit:read': 'any',
    'codelist:manage': 'any',
    'dataset:read_closed': 'any',
    'task:read_own': 'any',
    'task:act_as_custodian': 'any',
    'metadata:update': 'any',
    'standard:manage': 'any',
    'topic:manage': 'any',
    'chart:create': 'any',
    'publication:create': 'any',
    'publication:read_draft': 'any',
    'data_book:generate': 'any',
    'data_request:read': 'any',
    'data_request:read_personal': 'any',
    'data_request:handle': 'any',
    'data_list:manage': 'any',
    'evaluation:read': 'any',
    'epss:assess': 'any',
    'evaluation:report': 'any',
    'portal:manage': 'any',
  },
  supervisor: {
    'account:read_own': 'any',
    'account:update_own': 'any',
    'token:manage_own': 'any',
    'workspace:open': 'any',
    'dataset:read_private': 'any',
    'dataset:review': 'any',
    'task:read_own': 'any',
    'task:act_as_supervisor': 'any',
    'evaluation:read': 'any',
    'epss:verify': 'any',
    'data_list:recommend': 'any',
  },
  secretariat: {
    'workflow:start': 'any',
    'account:read_own': 'any',
    'account:update_own': 'any',
    'token:manage_own': 'any',
    'workspace:open': 'any',
    'dataset:read_private': 'any',
    'task:read_own': 'any',
    'task:act_as_secretariat': 'any',
    'evaluation:read': 'any',
    'epss:assess': 'any',
    'evaluation:report': 'any',
    'data_list:manage': 'any',
  },
  leader: {
    'account:read_own': 'any',
    'account:update_own': 'any',
    'token:manage_own': 'any',
    'workspace:open': 'any',
    'dataset:read_private': 'any',
    'audit:read': 'any',
    'task:read_own': 'any',
    'task:act_as_leader': 'any',
    'publication:read_draft': 'any',
    'evaluation:read': 'any',
    'evaluation:approve': 'any',
    'data_request:read': 'any',
    'data_request:read_personal': 'any',
    'data_request:decide_objection': 'any',
  },
  administrator: {
    'workflow:start': 'any',
    'account:read_own': 'any',
    'account:update_own': 'any',
    'token:manage_own': 'any',
    'workspace:open': 'any',
    'agency:create': 'any',
    'agency:update': 'any',
    'user:read': 'any',
    'user:create': 'any',
    'user:update': 'any',
    'user:assign_role': 'any',
    'audit:read': 'any',
    'audit:read_storage_keys': 'any',
    'codelist:manage': 'any',
    'task:read_own': 'any',
    'task:act_as_administrator': 'any',
    'outbox:read': 'any',
    'workflow:configure': 'any',
    'calendar:configure': 'any',
    'topic:manage': 'any',
    'portal:manage': 'any',
    'epss:configure': 'any',
  },
};
