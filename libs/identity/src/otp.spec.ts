import { hashOtp, newOtpCode, otpVerdict, sameHash } from './otp.js';

const now = new Date('2026-11-25T12:00:00Z');
const later = new Date('2026-11-25T12:10:00Z');

describe('otpVerdict', () => {
  it('accepts a matching code before expiry', () => {
    expect(otpVerdict({ expiresAt: later, failedAttempts: 0 }, now, true)).toBe('ok');
  });
  it('refuses a wrong code as invalid for the first five tries', () => {
    for (let tries = 0; tries < 5; tries++) {
      expect(otpVerdict({ expiresAt: later, failedAttempts: tries }, now, false)).toBe('invalid');
    }
  });
  it('locks after five wrong tries, even for the right code', () => {
    expect(otpVerdict({ expiresAt: later, failedAttempts: 5 }, now, true)).toBe('locked');
    expect(otpVerdict({ expiresAt: later, failedAttempts: 6 }, now, false)).toBe('locked');
  });
  it('refuses an expired code, right or wrong', () => {
    const after = new Date(later.getTime() + 1);
    expect(otpVerdict({ expiresAt: later, failedAttempts: 0 }, after, true)).toBe('expired');
    expect(otpVerdict({ expiresAt: later, failedAttempts: 0 }, after, false)).toBe('expired');
  });
  it('still accepts at the expiry instant', () => {
    expect(otpVerdict({ expiresAt: later, failedAttempts: 0 }, later, true)).toBe('ok');
  });
});

describe('codes', () => {
  it('are six digits', () => {
    for (let i = 0; i < 200; i++) expect(newOtpCode()).toMatch(/^\d{6}$/);
  });
  it('hash per user and secret', () => {
    expect(sameHash(hashOtp('s', 1, '123456'), hashOtp('s', 1, '123456'))).toBe(true);
    expect(sameHash(hashOtp('s', 1, '123456'), hashOtp('s', 2, '123456'))).toBe(false);
    expect(sameHash(hashOtp('s', 1, '123456'), hashOtp('t', 1, '123456'))).toBe(false);
  });
});
