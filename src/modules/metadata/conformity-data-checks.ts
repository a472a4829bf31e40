import { findLicense } from '../catalog/index.js';
import {
  type ConformityCheck,
  type ConformityFacts,
  check,
  foreignKeyOf,
  isCodedField,
  list,
  OPEN_MACHINE_READABLE_FORMATS,
  type TableResource,
} from './conformity-rules.js';

const REGION_REFERENCES = new Set(['region:province', 'region:regency', 'region:district', 'region:village']);

/** Principle "Interoperabilitas": a resource in an open machine-readable format is loaded. */
function openFormatCheck(f: ConformityFacts): ConformityCheck {
  const open = f.resources.find(
    (r) => r.loaded && (OPEN_MACHINE_READABLE_FORMATS as readonly string[]).includes(r.format.toUpperCase()),
  );
  return open
    ? check(
        'open_format',
        true,
        `Sumber data ${open.name} berformat ${open.format.toUpperCase()} dan dapat dibaca mesin`,
        `Resource ${open.name} is ${open.format.toUpperCase()} and machine-readable`,
      )
    : check(
        'open_format',
        false,
        'Belum ada sumber data CSV, XLSX atau JSON yang dimuat ke tabel data',
        'No CSV, XLSX or JSON resource is loaded into a data table',
      );
}

/** Open data: the license is an open one. */
function openLicenseCheck(f: ConformityFacts): ConformityCheck {
  const license = findLicense(f.licenseId);
  return license?.isOpen
    ? check('open_license', true, `Lisensi terbuka: ${license.title}`, `Open license: ${license.title}`)
    : check(
        'open_license',
        false,
        `Lisensi ${f.licenseId} bukan lisensi terbuka`,
        `License ${f.licenseId} is not an open license`,
      );
}

/** Principle "Kode Referensi": every coded column is bound to a known reference code list. */
function codesBoundCheck(f: ConformityFacts, tables: readonly TableResource[]): ConformityCheck {
  const unbound: string[] = [];
  let bound = 0;
  for (const r of tables)
    for (const field of r.tableSchema.fields) {
      if (!isCodedField(field, r.tableSchema)) continue;
      const ref = foreignKeyOf(field.name, r.tableSchema);
      const known =
        ref !== undefined &&
        (REGION_REFERENCES.has(ref) || (ref.startsWith('codelist:') && f.codeListNames.has(ref.slice(9))));
      if (known) bound++;
      else unbound.push(`${r.name} › ${field.name}`);
    }
  if (unbound.length)
    return check(
      'reference_codes_bound',
      false,
      `Kolom kode belum terikat ke daftar kode referensi: ${list(unbound)}`,
      `Coded columns not bound to a reference code list: ${list(unbound)}`,
    );
  return check(
    'reference_codes_bound',
    true,
    bound ? 'Setiap kolom kode terikat ke daftar kode referensi' : 'Tidak ada kolom kode',
    bound ? 'Every coded column is bound to a reference code list' : 'No coded columns',
  );
}

/** Principle "Kode Referensi": the latest validation found no unknown reference codes. */
function codesValidCheck(f: ConformityFacts): ConformityCheck {
  const fkBroken = f.resources.filter((r) =>
    r.latestReport?.errors.some((e) => e.kind === 'foreign-key-error' && e.count > 0),
  );
  const validated = f.resources.filter((r) => r.latestReport !== null);
  if (fkBroken.length)
    return check(
      'reference_codes_valid',
      false,
      `Validasi terakhir menemukan kode referensi tidak dikenal di: ${list(fkBroken.map((r) => r.name))}`,
      `The latest validation found unknown reference codes in: ${list(fkBroken.map((r) => r.name))}`,
    );
  return validated.length === 0
    ? check('reference_codes_valid', false, 'Belum ada unggahan tervalidasi', 'No validated upload yet')
    : check(
        'reference_codes_valid',
        true,
        'Validasi terakhir tanpa kesalahan kode referensi',
        'The latest validation has no reference code errors',
      );
}

const LEVEL = {
  open: ['terbuka', 'open'],
  restricted: ['terbatas', 'restricted'],
  closed: ['tertutup', 'closed'],
} as const;

/** Access classification: every column of every table is classified. */
function classificationCheck(f: ConformityFacts, tables: readonly TableResource[]): ConformityCheck {
  const unclassified = tables.flatMap((r) =>
    r.tableSchema.fields.filter((c) => !c['x-classification']).map((c) => `${r.name} › ${c.name}`),
  );
  const level = LEVEL[f.classification];
  return unclassified.length
    ? check(
        'classification_set',
        false,
        `Dataset ${level[0]}; klasifikasi belum ditetapkan untuk kolom: ${list(unclassified)}`,
        `Dataset ${level[1]}; no classification set for columns: ${list(unclassified)}`,
      )
    : check(
        'classification_set',
        true,
        `Dataset ${level[0]}, setiap kolom berklasifikasi`,
        `Dataset ${level[1]}, every column classified`,
      );
}

/** The open data, reference code and classification principles, in the order they are shown. */
export function dataChecks(f: ConformityFacts, tables: readonly TableResource[]): ConformityCheck[] {
  return [
    openFormatCheck(f),
    openLicenseCheck(f),
    codesBoundCheck(f, tables),
    codesValidCheck(f),
    classificationCheck(f, tables),
  ];
}
