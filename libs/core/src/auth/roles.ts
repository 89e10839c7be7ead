/** The five roles of SPEC §2. */
export const ROLES = ['admin', 'hr_officer', 'department_head', 'nominator', 'inspector'] as const;
export type Role = (typeof ROLES)[number];

/** Roles that belong to one agency and must name it. */
export const AGENCY_BOUND_ROLES: readonly Role[] = ['hr_officer', 'department_head'];
/** Roles that read every agency. */
export const CITY_WIDE_ROLES: readonly Role[] = ['admin', 'inspector'];
