/**
 * Records and payloads of the Chance Store API, as the SPA uses them (SPEC.md sections 1–3).
 * Hand-written for now; to be generated from /api/openapi.json once the API publishes it
 * (ARCHITECTURE.md, "One contract").
 */

export type Role = 'admin' | 'staff' | 'customer';

/** Roles allowed into the back office. */
export const backOfficeRoles: readonly Role[] = ['admin', 'staff'];

export interface Profile {
  fullName: string | null;
  phone: string | null;
  address: string | null;
}

/** The user as returned by /api/auth/login, /api/auth/refresh and /api/me. */
export interface SessionUser {
  id: string | number;
  email: string;
  role: Role;
  isActive?: boolean;
  profile?: Partial<Profile> | null;
  /** Some answers may carry the profile fields flat, like the admin record. */
  fullName?: string | null;
}

export interface AuthTokens {
  user: SessionUser;
  accessToken: string;
  refreshToken: string;
}

/** The `users` admin resource record (GET /api/admin/users). */
export interface AdminUser {
  id: string | number;
  email: string;
  role: Role;
  isActive: boolean;
  fullName: string | null;
  phone: string | null;
  address: string | null;
  emailVerifiedAt: string | null;
  phoneVerifiedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** GET/PUT /api/admin/settings. */
export interface StoreSettings {
  storeName: string;
  /** ISO 4217 code, e.g. "USD". */
  currency: string;
  /** Basis points: 1500 = 15.00 %. */
  taxRateBps: number;
  lowStockThreshold: number;
}

/** Every API error: `{statusCode, error, code, message, errors?}` (SPEC.md section 1). */
export interface ApiErrorBody {
  statusCode: number;
  error: string;
  code: string;
  message: string;
  errors?: Record<string, unknown>;
}
