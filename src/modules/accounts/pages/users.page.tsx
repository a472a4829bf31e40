import { Layout } from '../../../kernel/http/layout.js';
import type { PageContext } from '../../../kernel/http/page-context.js';
import { formatDateTime } from '../../../kernel/i18n/i18n.js';
import type { listUsers } from '../user.repository.js';

export type UserListRow = Awaited<ReturnType<typeof listUsers>>[number];

export interface UsersView {
  users: UserListRow[];
  /** "Now", so a lock that has run out is not shown as one. */
  now: Date;
}

/** State, lock and demo badge of one account. */
function UserStatus({ ctx, user, now }: { ctx: PageContext; user: UserListRow; now: Date }) {
  const t = ctx.t;
  const locked = user.locked_until && new Date(user.locked_until) > now ? user.locked_until : null;
  return (
    <ul class="tags">
      <li safe>{t(`user.state.${user.state}`)}</li>
      {locked ? (
        <li safe>{t('user.locked', { time: formatDateTime(ctx.locale, locked, ctx.timeZone) })}</li>
      ) : (
        ''
      )}
      {user.is_demo ? <li safe>{t('user.demo')}</li> : ''}
    </ul>
  );
}

/** Every account with its agency, roles and state; edit links for those who may edit. */
export function UsersPage({ ctx, view }: { ctx: PageContext; view: UsersView }) {
  const t = ctx.t;
  const canEdit = ctx.can('user:update');
  return (
    <Layout ctx={ctx} title={t('user.title')}>
      <h1 safe>{t('user.title')}</h1>
      {ctx.can('user:create') ? (
        <p>
          <a safe href="/admin/users/new">
            {t('user.new')}
          </a>
        </p>
      ) : (
        ''
      )}
      <div class="table-wrap" tabindex="0">
        <table>
          <thead>
            <tr>
              <th safe scope="col">
                {t('user.username')}
              </th>
              <th safe scope="col">
                {t('user.fullName')}
              </th>
              <th safe scope="col">
                {t('user.agency')}
              </th>
              <th safe scope="col">
                {t('user.roles')}
              </th>
              <th safe scope="col">
                {t('user.state')}
              </th>
              {canEdit ? (
                <th safe scope="col">
                  {t('common.actions')}
                </th>
              ) : (
                ''
              )}
            </tr>
          </thead>
          <tbody>
            {view.users.map((u) => (
              <tr>
                <td>
                  <code safe>{u.username}</code>
                </td>
                <td safe>{u.full_name}</td>
                <td safe>{u.agency_short_name ?? '—'}</td>
                <td>
                  <ul class="tags">
                    {u.roles.map((r) => (
                      <li safe>{t(`role.${r}`)}</li>
                    ))}
                  </ul>
                </td>
                <td>
                  <UserStatus ctx={ctx} user={u} now={view.now} />
                </td>
                {canEdit ? (
                  <td>
                    <a
                      safe
                      href={`/admin/users/${u.id}/edit`}
                      aria-label={`${t('common.edit')} ${u.username}`}
                    >
                      {t('common.edit')}
                    </a>
                  </td>
                ) : (
                  ''
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}
