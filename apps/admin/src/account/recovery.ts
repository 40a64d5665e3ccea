/**
 * Account recovery for the back office (docs/api.md#account-recovery): asking for a reset link and choosing a
 * new password with it. Both are public endpoints; their answers are plain JSON.
 */
import { apiError } from '../providers/httpClient';
import { authApi, postJson } from '../providers/session';

/** POSTs to a public endpoint; an error answer rejects as the http client's errors do (an HttpError with `code` and field `errors`). */
async function post(url: string, body: unknown): Promise<unknown> {
  const response = await postJson(url, body);
  const json = response.status === 204 ? undefined : await response.json().catch(() => undefined);
  if (!response.ok) throw apiError(response.status, response.statusText, json);
  return json;
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
