import { z } from 'zod';
import { type Actor, authorize, can } from '../../../kernel/access/policy.js';
import type { DataList } from '../../../kernel/db/schema/planning.js';
import { ConflictError, NotFoundError } from '../../../kernel/errors.js';

/** Input pieces and guards the planning actions share. */

export const Year = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : v),
  z
    .number({ error: 'Tahun harus angka / Year must be a number' })
    .int('Tahun harus bilangan bulat / Year must be a whole number')
    .min(2000, 'Tahun minimal 2000 / Year is at least 2000')
    .max(2100, 'Tahun maksimal 2100 / Year is at most 2100'),
);

export const Uuid = (what: string) => z.string().uuid(`${what} tidak dikenal / Unknown ${what}`);

export const Text = (max: number) =>
  z.string().trim().max(max, `Maksimal ${max} karakter / At most ${max} characters`);

/** May the actor see the list of a year as it is planned (not only its enacted open rows)? */
export function seesPlanning(actor: Actor): boolean {
  return can(actor, 'workspace:open', {});
}

export function listNotFound(year: number): NotFoundError {
  return new NotFoundError({
    id: `Daftar data tahun ${year} tidak ditemukan`,
    en: `No data list for ${year}`,
  });
}

/** An enacted list is frozen: nothing in it changes any more. */
export function assertOpen(list: DataList): void {
  if (list.status === 'enacted')
    throw new ConflictError({
      id: `Daftar data tahun ${list.year} sudah ditetapkan dan tidak dapat diubah`,
      en: `The ${list.year} data list is enacted and can no longer change`,
    });
}

export function requireManage(actor: Actor): void {
  authorize(actor, 'data_list:manage');
}
