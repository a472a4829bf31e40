import type { GrantableRole } from '../../kernel/access/roles.js';

/** The demo password of every demo account (listed in the README; refused in production). */
export const DEMO_PASSWORD = 'SatuData-Demo-2026';

export interface DemoAccount {
  username: string;
  fullName: string;
  roles: GrantableRole[];
  /** Agency code for agency-bound accounts. */
  agencyCode?: string;
  /**
   * The account's position within its first role (issue #12's positions): the dissemination SOP
   * routes the drafting to staff, the check to the sub-coordinator and the approval to the head
   * of division, three different people.
   */
  position?: 'staff' | 'sub_coordinator' | 'division_head';
}

/** One demo user in every role, with realistic names for Kabupaten Magetan. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'admin', fullName: 'Administrator Portal', roles: ['administrator'] },
  {
    username: 'walidata',
    fullName: 'Rina Wulandari (Walidata, Diskominfo)',
    roles: ['custodian'],
    agencyCode: 'diskominfo',
    position: 'staff',
  },
  {
    username: 'pimpinan',
    fullName: 'Drs. Bambang Sutrisno (Kepala Diskominfo)',
    roles: ['leader'],
    agencyCode: 'diskominfo',
    position: 'division_head',
  },
  { username: 'bps', fullName: 'Siti Aminah (BPS Kabupaten Magetan)', roles: ['supervisor'] },
  {
    username: 'sekretariat',
    fullName: 'Agus Prasetyo (Sekretariat Satu Data, Bappeda)',
    roles: ['secretariat'],
    agencyCode: 'bappeda',
  },
  {
    username: 'produsen.dinkes',
    fullName: 'dr. Dewi Lestari (Dinas Kesehatan)',
    roles: ['producer'],
    agencyCode: 'dinkes',
  },
  {
    username: 'produsen.disdik',
    fullName: 'Hendra Gunawan (Dinas Pendidikan)',
    roles: ['producer'],
    agencyCode: 'disdik',
  },
  {
    username: 'produsen.pertanian',
    fullName: 'Sri Mulyani (Dinas Pertanian)',
    roles: ['producer'],
    agencyCode: 'distan',
  },
  {
    username: 'subkoor.statistik',
    fullName: 'Yudi Hartanto, S.Si. (Subkoordinator Statistik, Diskominfo)',
    roles: ['custodian'],
    agencyCode: 'diskominfo',
    position: 'sub_coordinator',
  },
];
