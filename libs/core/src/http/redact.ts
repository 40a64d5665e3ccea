/** Query parameters whose value proves access (tokens, keys, passwords, codes): never written to a log. */
const SECRET_PARAMETER = /token|secret|passw|api[-_]?key|signature|otp|code|jwt|session|auth/i;

export const REDACTED = '[REDACTED]';

/**
 * The URL with the value of every secret-bearing query parameter replaced by `[REDACTED]`
 * (`/api/me/notifications/stream?accessToken=[REDACTED]`), for log lines and error messages.
 * Names are matched decoded, so `access%54oken=` is caught too.
 */
export function redactUrl(url: string): string {
  const start = url.indexOf('?');
  if (start < 0) return url;
  const query = url
    .slice(start + 1)
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      const rawName = equals < 0 ? pair : pair.slice(0, equals);
      let name = rawName;
      try {
        name = decodeURIComponent(rawName.replace(/\+/g, ' '));
      } catch {
        /* a malformed escape: match the raw name */
      }
      return equals >= 0 && SECRET_PARAMETER.test(name) ? `${rawName}=${REDACTED}` : pair;
    })
    .join('&');
  return `${url.slice(0, start)}?${query}`;
}

/** Every URL inside a text (such as Nest's "Cannot GET /path?accessToken=…"), redacted. */
export function redactUrlsIn(text: string): string {
  return text.replace(/\/[^\s?]*\?\S*/g, (url) => redactUrl(url));
}
