import { describe, expect, it } from 'vitest';
import type { PageContext } from '../../../kernel/http/page-context.js';
import { AdminSection, Area, CuratedLinks, DeleteForm, Field } from './curation-admin.parts.js';

const ctx = { locale: 'id', csrfToken: 'tok' } as unknown as PageContext;

describe('curation admin parts', () => {
  it('ties a field and an area to their hint, and leaves it out when there is none', async () => {
    const field = await Field({ id: 'name', label: 'Nama', value: 'a"b', hint: 'Huruf kecil' });
    expect(field).toContain('aria-describedby="name-hint"');
    expect(field).toContain('<small id="name-hint">Huruf kecil</small>');
    expect(field).toContain('value="a&#34;b"');
    const area = await Area({ id: 'd', label: 'Uraian', value: '<b>' });
    expect(area).not.toContain('aria-describedby');
    expect(area).toContain('&lt;b>');
  });

  it('a delete form carries its own CSRF token and a danger button', async () => {
    const form = await DeleteForm({ ctx, action: '/admin/portal/koleksi/x/hapus' });
    expect(form).toContain('action="/admin/portal/koleksi/x/hapus"');
    expect(form).toContain('name="_csrf" value="tok"');
    expect(form).toContain('class="danger"');
  });

  it('curated links list each item with its note, or say there are none; the add link always follows', async () => {
    const none = await CuratedLinks({ ctx, items: [], newHref: '/baru', newLabel: 'Tambah' });
    expect(none).toMatch(/<p>Belum ada[^<]*<\/p><a href="\/baru">Tambah<\/a>/);
    const some = await CuratedLinks({
      ctx,
      items: [{ href: '/k/a', title: 'Koleksi A', note: '3 data' }],
      newHref: '/baru',
      newLabel: 'Tambah',
    });
    expect(some).toContain('<li><a href="/k/a">Koleksi A</a> <small>3 data</small></li>');
  });

  it('a section is labelled by its heading', async () => {
    const section = await AdminSection({ id: 'pages', title: 'Halaman', children: '<p>x</p>' });
    expect(section).toContain('<section aria-labelledby="pages-h"><h2 id="pages-h">Halaman</h2>');
  });
});
