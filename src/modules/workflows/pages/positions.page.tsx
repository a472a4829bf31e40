import { CsrfField, FormErrors, Layout } from '../../../kernel/http/layout.js';
import type { PageContext } from '../../../kernel/http/page-context.js';
import { pick } from '../../../kernel/i18n/i18n.js';
import { POSITION_LABELS, POSITIONS } from '../domain/routing.js';
import type { usersWithRolesAndPositions } from '../routing.repository.js';
import { rm } from './run.messages.js';

type Row = Awaited<ReturnType<typeof usersWithRolesAndPositions>>[number];

/** GET /admin/positions — give users a position within each of their roles (user_position_set). */
export function PositionsPage({
  ctx,
  rows,
  errors,
}: {
  ctx: PageContext;
  rows: Row[];
  errors?: Record<string, string[]> | undefined;
}) {
  const r = (k: Parameters<typeof rm>[1]) => rm(ctx.locale, k);
  return (
    <Layout ctx={ctx} title={r('positions.title')}>
      <h1 safe>{r('positions.title')}</h1>
      <p safe>{r('positions.lead')}</p>
      <FormErrors ctx={ctx} errors={errors} />
      <div class="table-wrap" tabindex="0">
        <table id="positions">
          <thead>
            <tr>
              <th scope="col" safe>
                {r('positions.user')}
              </th>
              <th scope="col" safe>
                {r('positions.role')}
              </th>
              <th scope="col" safe>
                {r('positions.position')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const fid = `pos-${row.username}-${row.role}`;
              return (
                <tr data-user={row.username} data-role={row.role}>
                  <td safe>{`${row.full_name} (${row.username})`}</td>
                  <td safe>{ctx.t(`role.${row.role}` as Parameters<typeof ctx.t>[0])}</td>
                  <td>
                    <form method="post" action="/admin/positions" class="inline">
                      <CsrfField ctx={ctx} />
                      <input type="hidden" name="user_id" value={row.id} />
                      <input type="hidden" name="role" value={row.role} />
                      <label class="visually-hidden" for={fid} safe>
                        {r('positions.position')}
                      </label>
                      <select id={fid} name="position">
                        <option value="" safe>
                          {r('positions.none')}
                        </option>
                        {POSITIONS.map((p) => (
                          <option value={p} selected={row.position === p} safe>
                            {pick(ctx.locale, POSITION_LABELS[p])}
                          </option>
                        ))}
                      </select>{' '}
                      <button type="submit" safe>
                        {r('positions.save')}
                      </button>
                    </form>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}
