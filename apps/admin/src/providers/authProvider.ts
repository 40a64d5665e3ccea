/**
 * react-admin auth provider over /api/auth: login, logout, identity and role-aware canAccess.
 * Token refresh happens in the http client (see session.ts); here a 401 that survived the refresh
 * means the session is over.
 */
import type { AuthProvider } from 'react-admin';
import { canRoleAccess } from './access';
import { apiError } from './httpClient';
import { authApi, clearSession, displayName, isBackOfficeUser, postJson, readSession, saveSession, type Session } from './session';

export const customerRefusedMessage = 'This is a customer account. Only admin and staff accounts can sign in to the back office.';
export const inactiveRefusedMessage = 'This account is deactivated.';

interface LoginParams {
  email?: string;
  username?: string;
  password: string;
}

/** Revokes a refresh token on the server; failures are irrelevant to the user. */
async function revoke(refreshToken: string | undefined): Promise<void> {
  if (!refreshToken) return;
  try {
    await postJson(authApi.logout, { refreshToken });
  } catch {
    // offline or already revoked: the local session is dropped anyway
  }
}

export const authProvider: AuthProvider = {
  async login({ email, username, password }: LoginParams) {
    const response = await postJson(authApi.login, { email: (email ?? username ?? '').trim(), password });
    const json = await response.json().catch(() => undefined);
    if (!response.ok) throw apiError(response.status, response.statusText, json);

    const session = json as Session;
    if (!isBackOfficeUser(session.user)) {
      await revoke(session.refreshToken);
      clearSession();
      throw new Error(session.user?.isActive === false ? inactiveRefusedMessage : customerRefusedMessage);
    }
    saveSession(session);
  },

  async logout() {
    const session = readSession();
    clearSession();
    await revoke(session?.refreshToken);
  },

  async checkAuth() {
    if (!readSession()) throw new Error('ra.auth.auth_check_error');
  },

  async checkError(error: { status?: number } | undefined) {
    // The http client already tried a refresh: a 401 here ends the session (logout() clears it).
    if (error?.status === 401) throw error;
    // 403 and everything else: keep the session, the page shows the error.
  },

  async getIdentity() {
    const session = readSession();
    if (!session) throw new Error('ra.auth.auth_check_error');
    const { user } = session;
    return { id: user.id, fullName: displayName(user), email: user.email, role: user.role };
  },

  // No getPermissions: access is decided by canAccess (the react-admin 5 way). With getPermissions
  // and <Admin requireAuth>, react-admin 5.15 re-runs checkAuth/logout thousands of times before it
  // shows the login page (seconds of CPU).
  async canAccess({ resource }) {
    // Per resource for now; per action (e.g. staff may list but not delete) when resources need it.
    return canRoleAccess(readSession()?.user.role, resource);
  },
};
