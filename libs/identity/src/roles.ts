export const ROLES = ['admin', 'staff', 'customer'] as const;
export type Role = (typeof ROLES)[number];

/** Roles that work in the back office (the admin SPA and /api/admin). */
export const BACK_OFFICE: readonly Role[] = ['admin', 'staff'];
