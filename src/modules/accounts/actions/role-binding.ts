import { AGENCY_BOUND_ROLES, type Role } from '../../../kernel/access/roles.js';
import { ValidationError } from '../../../kernel/errors.js';

/** A producer acts for one agency: refuse producer roles on an account without an agency. */
export function checkRoleAgencyBinding(roles: readonly Role[], agencyId: string | null | undefined): void {
  if (!agencyId && roles.some((r) => AGENCY_BOUND_ROLES.includes(r)))
    throw new ValidationError({
      agencyId: [
        {
          id: 'Produsen data harus terikat pada satu perangkat daerah',
          en: 'A producer must belong to one agency',
        },
      ],
    });
}
