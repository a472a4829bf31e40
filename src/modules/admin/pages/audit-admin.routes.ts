import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { authorize, can } from '../../../kernel/access/policy.js';
import {
  type AuditFilter,
  findAuditEntries,
  listAuditActions,
} from '../../../kernel/actions/audit.repository.js';
import { parseInput } from '../../../kernel/actions/parse-input.js';
import { formBody, sendPage, textField } from '../../../kernel/http/admin-form.js';
import type { AppDeps } from '../../../kernel/http/app-deps.js';
import { formErrors } from '../../../kernel/http/form-errors.js';
import { pageContext } from '../../../kernel/http/page-context.js';
import { type MessageKey, t } from '../../../kernel/i18n/i18n.js';
import { redactStorageKeys } from '../audit-redaction.js';
import { auditSubjectNames } from '../audit-subjects.repository.js';
import { AuditPage, type AuditQuery, type AuditRow } from './audit.page.js';

const PAGE_SIZE = 50;
/** Filter dates are days in the region's time zone (WIB, no daylight saving), as shown. */
const REGION_UTC_OFFSET = '+07:00';
const DAY_MS = 86_400_000;

/** A zod message in both languages ("id / en", split again by parseInput). */
const both = (key: MessageKey) => `${t('id', key)} / ${t('en', key)}`;
const text = z.string().trim().max(200);
const day = z
  .string()
  .trim()
  .refine((s) => s === '' || (/^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s))), {
    message: both('admin.audit.badDate'),
  });

/** The audit filter as it arrives in the URL query; '' means "not filtered". */
export const AuditQuerySchema = z.object({
  /** Exact action name (`agency_create`). */
  action: text,
  /** Exact user name of whoever acted. */
  actor: text,
  subjectType: text,
  subjectId: text,
  /** First day included (YYYY-MM-DD). */
  from: day,
  /** Last day included (YYYY-MM-DD). */
  to: day,
  /** Keyset paging: only entries with a smaller id (older). */
  before: z
    .string()
    .trim()
    .regex(/^\d{0,15}$/, both('admin.audit.badPage')),
});

/** Start of a day in the region, as an instant. */
function dayStart(d: string): Date {
  return new Date(`${d}T00:00:00${REGION_UTC_OFFSET}`);
}

/** The repository filter for a parsed query. */
function toFilter(q: z.infer<typeof AuditQuerySchema>): AuditFilter {
  return {
    action: q.action || undefined,
    actorName: q.actor || undefined,
    subjectType: q.subjectType || undefined,
    subjectId: q.subjectId || undefined,
    from: q.from ? dayStart(q.from) : undefined,
    to: q.to ? new Date(dayStart(q.to).getTime() + DAY_MS) : undefined,
    beforeId: q.before ? Number(q.before) : undefined,
    limit: PAGE_SIZE + 1,
  };
}

/** The link to the next older page: the same filter, before the last shown id. */
function olderHref(query: AuditQuery, last: AuditRow): string {
  const params = new URLSearchParams(Object.entries(query).filter(([, v]) => v !== ''));
  params.set('before', String(last.id));
  return `/admin/audit?${params.toString()}`;
}

/** The audit log, read-only: there is deliberately no route that changes or deletes a row. */
export function auditAdminRoutes(app: FastifyInstance, { database, site }: AppDeps) {
  const db = database.db;

  app.get('/admin/audit', async (req, reply) => {
    authorize(req.actor, 'audit:read');
    const raw = formBody(req.query);
    const query: AuditQuery = {
      action: textField(raw, 'action'),
      actor: textField(raw, 'actor'),
      subjectType: textField(raw, 'subjectType'),
      subjectId: textField(raw, 'subjectId'),
      from: textField(raw, 'from'),
      to: textField(raw, 'to'),
    };
    const ctx = pageContext(req, reply, site);
    const actions = await listAuditActions(db);
    let parsed: z.infer<typeof AuditQuerySchema>;
    try {
      parsed = parseInput(AuditQuerySchema, { ...query, before: textField(raw, 'before') });
    } catch (err) {
      const errors = formErrors(err, req.locale);
      return sendPage(reply, AuditPage({ ctx, view: { query, actions, entries: [], errors } }), 400);
    }
    const rows = await findAuditEntries(db, toFilter(parsed));
    // Storage keys name files on the server: only administrators see them (issue 11).
    const showKeys = can(req.actor, 'audit:read_storage_keys');
    const entries = rows
      .slice(0, PAGE_SIZE)
      .map((e) => (showKeys ? e : { ...e, summary: redactStorageKeys(e.summary) as typeof e.summary }));
    const last = entries.at(-1);
    const view = {
      query,
      actions,
      entries,
      subjectNames: await auditSubjectNames(db, entries),
      olderHref: rows.length > PAGE_SIZE && last ? olderHref(query, last) : undefined,
    };
    return sendPage(reply, AuditPage({ ctx, view }));
  });
}
