/**
 * The fields package_search can facet on (and the catalog pages filter by). Pure data, so the
 * search repository, the action and the page components share one list.
 */
export const FACET_FIELDS = ['organization', 'groups', 'tags', 'res_format', 'license_id'] as const;
export type FacetField = (typeof FACET_FIELDS)[number];
