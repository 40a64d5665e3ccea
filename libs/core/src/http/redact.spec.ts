import { redactUrl, redactUrlsIn } from './redact.js';

describe('redactUrl', () => {
  it('hides the value of every secret-bearing query parameter and keeps the rest', () => {
    expect(redactUrl('/api/me/notifications/stream?accessToken=eyJhbGciOi.x.y')).toBe('/api/me/notifications/stream?accessToken=[REDACTED]');
    expect(redactUrl('/reset?token=abc&next=%2Fhome&refresh_token=r&password=p&api_key=k&otp=1&code=c')).toBe(
      '/reset?token=[REDACTED]&next=%2Fhome&refresh_token=[REDACTED]&password=[REDACTED]&api_key=[REDACTED]&otp=[REDACTED]&code=[REDACTED]',
    );
    expect(redactUrl('/api/admin/orders?filter=%7B%7D&range=[0,24]')).toBe('/api/admin/orders?filter=%7B%7D&range=[0,24]');
  });

  it('matches names written with escapes, and survives malformed ones', () => {
    expect(redactUrl('/s?access%54oken=secret')).toBe('/s?access%54oken=[REDACTED]');
    expect(redactUrl('/s?%E0%A4%A=1&accessToken=secret')).toBe('/s?%E0%A4%A=1&accessToken=[REDACTED]');
  });

  it('leaves URLs without a query alone', () => {
    expect(redactUrl('/api/health')).toBe('/api/health');
  });

  it('redacts URLs inside a message', () => {
    expect(redactUrlsIn('Cannot GET /api/nope?accessToken=secret&x=1')).toBe('Cannot GET /api/nope?accessToken=[REDACTED]&x=1');
  });
});
