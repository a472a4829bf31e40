import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callAction, resultOf, uniq, userWithToken } from '../../../test/support/catalog-fixtures.js';
import {
  type Pkg,
  postAction,
  producerDatasetOf,
  setUpWriteApi,
  type WriteApi,
} from '../../../test/support/ckan-write-fixtures.js';
import { DIALECTS } from '../../../test/support/test-database.js';

type Dict = Record<string, unknown>;
type Query = Record<string, string | number | boolean | string[] | undefined>;

for (const kind of DIALECTS) {
  describe(`CKAN organization_*, group_* and member_* writes on ${kind}`, () => {
    let w: WriteApi;
    let admin = '';
    let adminName = '';
    const get = (name: string, query: Query, token?: string) =>
      callAction(w.t.app, name, { query, ...(token ? { token } : {}) });

    beforeAll(async () => {
      w = await setUpWriteApi(kind);
      const a = await userWithToken(w.t.database, 'administrator');
      admin = a.token;
      adminName = a.username;
    });
    afterAll(() => w?.t.close());

    // CKAN 2.11.5 create.py `organization_create` L867 → `_group_or_org_create` L712: returns the
    // organization dict; update.py `organization_update` L751, patch.py `organization_patch` L111,
    // delete.py `organization_delete` L455.
    it('organization_create/_update/_patch/_delete map onto agencies, for the administrator only', async () => {
      const name = `org-${uniq()}`;
      const refused = await postAction(w.t, 'organization_create', { name, title: 'Dinas Uji' }, w.custodian);
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error.__type).toBe('Authorization Error');
      const org = await resultOf<Dict>(
        postAction(w.t, 'organization_create', { name, title: 'Dinas Uji Coba' }, admin),
      );
      expect(org).toMatchObject({
        name,
        title: 'Dinas Uji Coba',
        display_name: 'Dinas Uji Coba',
        is_organization: true,
        type: 'organization',
        state: 'active',
      });
      const shown = await resultOf<Dict>(get('organization_show', { id: name }));
      expect(shown.id).toBe(org.id);
      // ckan/logic/validators.py (2.11.5) `group_name_validator` L499: "Group name already exists
      // in database" on `name`.
      const taken = await postAction(w.t, 'organization_create', { name, title: 'Lagi' }, admin);
      expect(taken.statusCode).toBe(409);
      expect(taken.json().error).toHaveProperty('name');
      const patched = await resultOf<Dict>(
        postAction(w.t, 'organization_patch', { id: name, title: 'Dinas Uji Baru' }, admin),
      );
      expect(patched).toMatchObject({ name, title: 'Dinas Uji Baru' });
      const updated = await resultOf<Dict>(
        postAction(w.t, 'organization_update', { id: org.id, name: `${name}-b`, title: 'Dinas B' }, admin),
      );
      expect(updated).toMatchObject({ name: `${name}-b`, title: 'Dinas B' });
      const gone = await resultOf(postAction(w.t, 'organization_delete', { id: `${name}-b` }, admin));
      expect(gone).toBeNull();
      expect((await get('organization_show', { id: `${name}-b` })).statusCode).toBe(404);
      // delete.py (2.11.5) `_group_or_org_delete` L410-413: "Organization cannot be deleted while it
      // still has datasets".
      const busy = await postAction(w.t, 'organization_delete', { id: 'dinkes' }, admin);
      expect(busy.statusCode).toBe(409);
      expect((await postAction(w.t, 'organization_delete', { id: 'no-such-org' }, admin)).statusCode).toBe(
        404,
      );
    });

    // get.py (2.11.5) `organization_list_for_user` L626: organizations where the user has
    // `permission` (default manage_group, L691), each with the user's `capacity`.
    it('organization_list_for_user answers from the policy', async () => {
      const names = (l: Dict[]) => l.map((o) => o.name).sort();
      const producerCreate = await resultOf<Dict[]>(
        get('organization_list_for_user', { permission: 'create_dataset' }, w.producer),
      );
      expect(names(producerCreate)).toEqual(['dinkes']);
      expect(producerCreate[0]?.capacity).toBe('editor');
      expect(await resultOf(get('organization_list_for_user', {}, w.producer))).toEqual([]);
      const custodian = await resultOf<Dict[]>(
        get('organization_list_for_user', { permission: 'update_dataset' }, w.custodian),
      );
      expect(names(custodian)).toEqual(expect.arrayContaining(['dinkes', 'disdik']));
      expect(await resultOf(get('organization_list_for_user', {}))).toEqual([]);
      const forOther = await get('organization_list_for_user', { id: adminName }, w.producer);
      expect(forOther.statusCode).toBe(403);
    });

    // create.py (2.11.5) `organization_member_create` L1394 (id, username, role) / delete.py
    // `organization_member_delete` L737.
    it('organization_member_create/_delete bind a user to an agency, through user administration', async () => {
      const u = await userWithToken(w.t.database, 'supervisor');
      const member = await resultOf<Dict>(
        postAction(
          w.t,
          'organization_member_create',
          { id: 'disdik', username: u.username, role: 'member' },
          admin,
        ),
      );
      expect(member).toMatchObject({ table_name: 'user', capacity: 'member', state: 'active' });
      const shown = await resultOf<Dict>(get('user_show', { id: u.username }, admin));
      const disdik = await resultOf<Dict>(get('organization_show', { id: 'disdik' }));
      expect(shown.agency_id).toBe(disdik.id);
      expect(
        (
          await postAction(
            w.t,
            'organization_member_create',
            { id: 'disdik', username: u.username },
            w.custodian,
          )
        ).statusCode,
      ).toBe(403);
      expect(
        await resultOf(
          postAction(w.t, 'organization_member_delete', { id: 'disdik', username: u.username }, admin),
        ),
      ).toBeNull();
      expect(
        (await postAction(w.t, 'organization_member_delete', { id: 'disdik', username: u.username }, admin))
          .statusCode,
      ).toBe(404);
    });

    // 2.11.5 create.py `group_create` L795, update.py `group_update` L723, patch.py `group_patch`
    // L82, delete.py `group_delete` L444.
    it('group_create/_update/_patch/_delete map onto topics (topic:manage)', async () => {
      const name = `topik-${uniq()}`;
      expect((await postAction(w.t, 'group_create', { name, title: 'X' }, w.producer)).statusCode).toBe(403);
      const g = await resultOf<Dict>(
        postAction(
          w.t,
          'group_create',
          { name, title: 'Lingkungan Hidup', description: 'Air dan udara' },
          w.custodian,
        ),
      );
      expect(g).toMatchObject({
        name,
        title: 'Lingkungan Hidup',
        description: 'Air dan udara',
        type: 'group',
        is_organization: false,
      });
      expect(
        (await postAction(w.t, 'group_create', { name, title: 'Dup' }, w.custodian)).json().error,
      ).toHaveProperty('name');
      const bad = await postAction(w.t, 'group_create', { name: 'Bukan Nama!' }, w.custodian);
      expect(bad.statusCode).toBe(409);
      expect(bad.json().error).toHaveProperty('name');
      const patched = await resultOf<Dict>(
        postAction(w.t, 'group_patch', { id: name, title: 'Lingkungan' }, w.custodian),
      );
      expect(patched).toMatchObject({ name, title: 'Lingkungan', description: 'Air dan udara' });
      // group_update resets what it is not given (CKAN's update semantics).
      const updated = await resultOf<Dict>(
        postAction(w.t, 'group_update', { id: name, name, title: 'Lingkungan Hidup' }, w.custodian),
      );
      expect(updated).toMatchObject({ title: 'Lingkungan Hidup', description: '' });
      expect(await resultOf(postAction(w.t, 'group_delete', { id: name }, admin))).toBeNull();
      expect((await get('group_show', { id: name })).statusCode).toBe(404);
      expect((await postAction(w.t, 'group_delete', { id: name }, admin)).statusCode).toBe(404);
    });

    // 2.11.5 create.py `member_create` L567 (id, object, object_type, capacity: get_or_bust L594),
    // delete.py `member_delete` L285, get.py `member_list` L147 ((id, type, capacity) tuples) and
    // `group_package_show` L1318.
    it('member_create/_delete put datasets in topics under dataset:update; member_list and group_package_show read them', async () => {
      const pkg: Pkg = await producerDatasetOf(w.t, w.producer);
      const m = await resultOf<Dict>(
        postAction(
          w.t,
          'member_create',
          { id: 'kesehatan', object: pkg.name, object_type: 'package', capacity: 'public' },
          w.producer,
        ),
      );
      expect(m).toMatchObject({
        table_name: 'package',
        table_id: pkg.id,
        capacity: 'public',
        state: 'active',
      });
      const other = await postAction(
        w.t,
        'member_create',
        { id: 'kesehatan', object: pkg.id, object_type: 'package' },
        w.otherProducer,
      );
      expect([403, 404]).toContain(other.statusCode);
      const user = await postAction(
        w.t,
        'member_create',
        { id: 'kesehatan', object: 'x', object_type: 'user' },
        w.producer,
      );
      expect(user.statusCode).toBe(409);
      const shown = await resultOf<Pkg>(get('package_show', { id: pkg.id }, w.producer));
      expect(shown.groups.map((g) => g.name)).toContain('kesehatan');
      expect(
        await resultOf(get('member_list', { id: 'kesehatan', object_type: 'package' }, w.producer)),
      ).toContainEqual([pkg.id, 'package', 'public']);
      // A private dataset stays out of what the public reads.
      expect(await resultOf(get('member_list', { id: 'kesehatan' }))).not.toContainEqual([
        pkg.id,
        'package',
        'public',
      ]);
      const inGroup = await resultOf<Dict[]>(
        get('group_package_show', { id: 'kesehatan', limit: 5 }, w.producer),
      );
      expect(inGroup.map((d) => d.id)).toContain(pkg.id);
      expect(
        await resultOf(
          postAction(
            w.t,
            'member_delete',
            { id: 'kesehatan', object: pkg.id, object_type: 'package' },
            w.producer,
          ),
        ),
      ).toBeNull();
      expect(
        (
          await postAction(
            w.t,
            'member_delete',
            { id: 'kesehatan', object: pkg.id, object_type: 'package' },
            w.producer,
          )
        ).statusCode,
      ).toBe(404);
      expect((await get('group_package_show', { id: 'no-such-group' })).statusCode).toBe(404);
    });
  });
}
