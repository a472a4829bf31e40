import { Layout } from '../../../kernel/http/layout.js';
import type { PageContext } from '../../../kernel/http/page-context.js';
import { defineMessages } from '../../../kernel/i18n/i18n.js';

const id = {
  'home.codeLists': 'Kode referensi',
  'home.codeListsLead':
    'Daftar kode yang dipakai kolom data (sektor, jenjang pendidikan, komoditas…), berversi.',
  'home.boundaries': 'Batas wilayah untuk peta',
  'home.boundariesLead':
    'Batas kecamatan (GeoJSON) yang dipakai grafik peta tematik; tanpa unggahan ini peta tidak ditawarkan.',
  'home.workflows': 'Alur kerja SOP',
  'home.workflowsLead':
    'Definisi alur kerja per jenis proses, preset dari SOP daerah, dan pilihan daerah ini.',
  'home.calendar': 'Kalender kerja',
  'home.calendarLead':
    'Zona waktu, jam layanan, hari libur nasional dan cuti bersama untuk menghitung waktu baku.',
  'home.outbox': 'Kotak keluar surel',
  'home.outboxLead': 'Surel pemberitahuan yang dikirim atau menunggu (tanpa SMTP, surel tinggal di sini).',
  'home.portal': 'Kurasi portal',
  'home.portalLead': 'Indikator utama, data pilihan, koleksi, halaman situs dan pesan dari halaman Kontak.',
  'home.requests': 'Layanan permintaan data',
  'home.requestsLead': 'Masa simpan data pribadi pemohon dan daftar permintaan publik.',
  'home.epss': 'Struktur EPSS',
  'home.epssLead': 'Domain, aspek dan indikator EPSS serta bobotnya, bila BPS mengubah lembar kerja.',
};
const en: Record<keyof typeof id, string> = {
  'home.codeLists': 'Reference codes',
  'home.codeListsLead':
    'Code lists that data columns use (sectors, education levels, commodities…), versioned.',
  'home.boundaries': 'Region boundaries for maps',
  'home.boundariesLead':
    'District boundaries (GeoJSON) that choropleth charts use; without this upload no map is offered.',
  'home.workflows': 'SOP workflows',
  'home.workflowsLead':
    'Workflow definitions per process kind, presets from regional SOPs, and this region’s choice.',
  'home.calendar': 'Working calendar',
  'home.calendarLead': 'Time zone, service hours, national holidays and collective leave for standard times.',
  'home.outbox': 'Mail outbox',
  'home.outboxLead': 'Notification mails sent or waiting (without SMTP, mails stay here).',
  'home.portal': 'Portal curation',
  'home.portalLead':
    'Key indicators, featured data, collections, site pages and messages from the Contact page.',
  'home.requests': 'Data request service',
  'home.requestsLead': 'How long requesters’ personal data are kept, and the public list of requests.',
  'home.epss': 'EPSS structure',
  'home.epssLead': 'EPSS domains, aspects and indicators and their weights, when BPS changes the worksheet.',
};
const hm = defineMessages({ id, en });

/** The back-office sections and whether the actor may open each (decided by the policy). */
export interface AdminSections {
  agencies: boolean;
  users: boolean;
  audit: boolean;
  codeLists: boolean;
  workflows: boolean;
  calendar: boolean;
  outbox: boolean;
  portal: boolean;
  epss: boolean;
}

/** Permissions that open at least one back-office section (the /admin index checks these). */
export const ADMIN_HOME_ACTIONS = [
  'user:read',
  'agency:create',
  'audit:read',
  'codelist:manage',
  'workflow:configure',
  'calendar:configure',
  'outbox:read',
  'portal:manage',
  'epss:configure',
] as const;

/** Which back-office sections this page context may open. */
export function adminSections(ctx: Pick<PageContext, 'can'>): AdminSections {
  return {
    agencies: ctx.can('user:read') || ctx.can('agency:create'),
    users: ctx.can('user:read'),
    audit: ctx.can('audit:read'),
    codeLists: ctx.can('codelist:manage'),
    workflows: ctx.can('workflow:configure'),
    calendar: ctx.can('calendar:configure'),
    outbox: ctx.can('outbox:read'),
    portal: ctx.can('portal:manage'),
    epss: ctx.can('epss:configure'),
  };
}

/** The back-office index: a link to each section the actor may use, and nothing else. */
export function AdminHomePage({ ctx, sections }: { ctx: PageContext; sections: AdminSections }) {
  const t = ctx.t;
  return (
    <Layout ctx={ctx} title={t('nav.admin')}>
      <h1 safe>{t('nav.admin')}</h1>
      <p safe>{t('admin.lead')}</p>
      <ul class="cards">
        {sections.agencies ? (
          <li>
            <a safe href="/admin/agencies">
              {t('nav.agencies')}
            </a>
            <p safe class="hint">
              {t('admin.agenciesLead')}
            </p>
          </li>
        ) : (
          ''
        )}
        {sections.users ? (
          <li>
            <a safe href="/admin/users">
              {t('nav.users')}
            </a>
            <p safe class="hint">
              {t('admin.usersLead')}
            </p>
          </li>
        ) : (
          ''
        )}
        {sections.audit ? (
          <li>
            <a safe href="/admin/audit">
              {t('nav.audit')}
            </a>
            <p safe class="hint">
              {t('audit.lead')}
            </p>
          </li>
        ) : (
          ''
        )}
        {(
          [
            ['codeLists', '/admin/code-lists', 'home.codeLists', 'home.codeListsLead'],
            ['codeLists', '/admin/batas-wilayah', 'home.boundaries', 'home.boundariesLead'],
            ['workflows', '/admin/workflows', 'home.workflows', 'home.workflowsLead'],
            ['calendar', '/admin/calendar', 'home.calendar', 'home.calendarLead'],
            ['outbox', '/admin/outbox', 'home.outbox', 'home.outboxLead'],
            ['portal', '/admin/portal', 'home.portal', 'home.portalLead'],
            ['portal', '/admin/permintaan-data', 'home.requests', 'home.requestsLead'],
            ['epss', '/evaluasi/epss/struktur', 'home.epss', 'home.epssLead'],
          ] as const
        ).map(([key, href, title, lead]) =>
          sections[key] ? (
            <li>
              <a safe href={href}>
                {hm(ctx.locale, title)}
              </a>
              <p safe class="hint">
                {hm(ctx.locale, lead)}
              </p>
            </li>
          ) : (
            ''
          ),
        )}
      </ul>
    </Layout>
  );
}
