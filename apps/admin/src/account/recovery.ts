/**
 * Account recovery for the back office (docs/api.md#account-recovery): asking for a reset link and choosing a
 * new password with it. Both are public endpoints; their answers are plain JSON.
 */
import { authApi } from '../providers/session';

export class RecoveryError extends Error {
  constructor(
    message: string,
    readonly code?: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
  }
}

async function post(url: string, body: unknown): Promise<unknown> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body),
  });
  if (response.ok) return response.status === 204 ? undefined : response.json().catch(() => undefined);
  const json = (await response.json().catch(() => ({}))) as { message?: string; code?: string; errors?: Record<string, string> };
  throw new RecoveryError(json.message ?? response.statusText, json.code, json.errors ?? {});
}

/** Always the same answer, whether or not the e-mail has an account. */
export async function askForResetLink(email: string): Promise<string> {
  const json = (await post(authApi.forgotPassword, { email: email.trim() })) as { message?: string } | undefined;
  return json?.message ?? 'If an account uses this e-mail, a link is on its way.';
}

export async function resetPassword(token: string, password: string): Promise<void> {
  await post(authApi.resetPassword, { token, password });
}

/** The token of a reset link: `?token=` of the page's (hash) location. */
export function tokenFrom(search: string): string {
  return new URLSearchParams(search).get('token') ?? '';
}
