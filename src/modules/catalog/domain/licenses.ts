/**
 * Licenses offered for datasets, in CKAN's `license_list` shape. CKAN's default list plus the
 * Creative Commons 4.0 ids Indonesian portals use; CC-BY-4.0 is the default (open data must be
 * reusable with attribution).
 */
export interface License {
  id: string;
  title: string;
  url: string;
  od_conformance: 'approved' | 'not reviewed' | 'rejected';
  osd_conformance: 'approved' | 'not reviewed' | 'rejected';
  status: 'active';
  maintainer: string;
  family: string;
  domain_content: boolean;
  domain_data: boolean;
  domain_software: boolean;
  is_generic: boolean;
  /** Does this license meet the Open Definition (data may be public under it)? */
  isOpen: boolean;
}

function lic(id: string, title: string, url: string, isOpen: boolean, generic = false): License {
  return {
    id,
    title,
    url,
    od_conformance: isOpen ? 'approved' : 'not reviewed',
    osd_conformance: 'not reviewed',
    status: 'active',
    maintainer: '',
    family: '',
    domain_content: true,
    domain_data: true,
    domain_software: false,
    is_generic: generic,
    isOpen,
  };
}

export const DEFAULT_LICENSE_ID = 'CC-BY-4.0';

export const LICENSES: License[] = [
  lic('CC-BY-4.0', 'Creative Commons Attribution 4.0', 'https://creativecommons.org/licenses/by/4.0/', true),
  lic(
    'CC-BY-SA-4.0',
    'Creative Commons Attribution Share-Alike 4.0',
    'https://creativecommons.org/licenses/by-sa/4.0/',
    true,
  ),
  lic('CC0-1.0', 'Creative Commons CCZero 1.0', 'https://creativecommons.org/publicdomain/zero/1.0/', true),
  lic('cc-by', 'Creative Commons Attribution', 'http://www.opendefinition.org/licenses/cc-by', true),
  lic(
    'cc-by-sa',
    'Creative Commons Attribution Share-Alike',
    'http://www.opendefinition.org/licenses/cc-by-sa',
    true,
  ),
  lic('cc-zero', 'Creative Commons CCZero', 'http://www.opendefinition.org/licenses/cc-zero', true),
  lic(
    'cc-nc',
    'Creative Commons Non-Commercial (Any)',
    'http://creativecommons.org/licenses/by-nc/2.0/',
    false,
  ),
  lic(
    'odc-by',
    'Open Data Commons Attribution License',
    'http://www.opendefinition.org/licenses/odc-by',
    true,
  ),
  lic(
    'odc-odbl',
    'Open Data Commons Open Database License (ODbL)',
    'http://www.opendefinition.org/licenses/odc-odbl',
    true,
  ),
  lic(
    'odc-pddl',
    'Open Data Commons Public Domain Dedication and License (PDDL)',
    'http://www.opendefinition.org/licenses/odc-pddl',
    true,
  ),
  lic('other-open', 'Other (Open)', '', true, true),
  lic('other-pd', 'Other (Public Domain)', '', true, true),
  lic('other-at', 'Other (Attribution)', '', true, true),
  lic('other-nc', 'Other (Non-Commercial)', '', false, true),
  lic('other-closed', 'Other (Not Open)', '', false, true),
  lic('notspecified', 'License not specified', '', false, true),
];

const BY_ID = new Map(LICENSES.map((l) => [l.id, l]));

export function findLicense(id: string | null | undefined): License | undefined {
  return id ? BY_ID.get(id) : undefined;
}

/** License names as an Indonesian reader reads them (the API keeps CKAN's English titles). */
const TITLES_ID: Record<string, string> = {
  'CC-BY-4.0': 'Creative Commons Atribusi 4.0',
  'CC-BY-SA-4.0': 'Creative Commons Atribusi-BerbagiSerupa 4.0',
  'CC0-1.0': 'Creative Commons CC0 1.0 (domain publik)',
  'cc-by': 'Creative Commons Atribusi',
  'cc-by-sa': 'Creative Commons Atribusi-BerbagiSerupa',
  'cc-zero': 'Creative Commons CC0 (domain publik)',
  'cc-nc': 'Creative Commons NonKomersial (semua versi)',
  'odc-by': 'Lisensi Atribusi Open Data Commons',
  'odc-odbl': 'Lisensi Basis Data Terbuka Open Data Commons (ODbL)',
  'odc-pddl': 'Dedikasi dan Lisensi Domain Publik Open Data Commons (PDDL)',
  'other-open': 'Lainnya (terbuka)',
  'other-pd': 'Lainnya (domain publik)',
  'other-at': 'Lainnya (atribusi)',
  'other-nc': 'Lainnya (nonkomersial)',
  'other-closed': 'Lainnya (tidak terbuka)',
  notspecified: 'Lisensi tidak disebutkan',
};

/** A license's name in `locale`; an unknown id is shown as given. */
export function licenseTitle(locale: 'id' | 'en', id: string | null | undefined, fallback = ''): string {
  if (!id) return fallback;
  return (locale === 'id' ? TITLES_ID[id] : undefined) ?? findLicense(id)?.title ?? (fallback || id);
}
