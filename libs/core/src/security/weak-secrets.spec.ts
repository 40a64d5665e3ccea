import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { adminPasswordWeakness, isRepetitive, jwtSecretWeakness } from './weak-secrets.js';

describe('weak secrets (docs/api.md#limits)', () => {
  it('refuses the placeholders that shipped in docker-compose.yml and their kind', () => {
    for (const value of [
      'change-me-to-a-long-random-string-of-48-chars-or-more',
      'CHANGEME-changeme-changeme-changeme',
      'replace-me-with-a-real-secret-of-your-own',
      'your-secret-goes-here-0123456789abcdef',
      'secretsecretsecretsecretsecretsecret',
      'x'.repeat(64),
      '0123456789'.repeat(4),
    ]) {
      expect([value, jwtSecretWeakness(value)]).toEqual([value, expect.any(String)]);
    }
    for (const value of ['change-me-please', 'changeme', 'Password123456', 'password1234', 'admin-admin-admin', 'administrator', 'qwerty-qwerty', 'short']) {
      expect([value, adminPasswordWeakness(value)]).toEqual([value, expect.any(String)]);
    }
  });

  it('refuses values under 32 (JWT_SECRET) / 12 (ADMIN_PASSWORD) characters', () => {
    expect(jwtSecretWeakness('Zq8#vL2@pR5!tY7$wK1^mN4&bH6*cJ3')).toMatch(/shorter than 32/); // 31
    expect(jwtSecretWeakness('Zq8#vL2@pR5!tY7$wK1^mN4&bH6*cJ3(')).toBeNull(); // 32
    expect(adminPasswordWeakness('tall-pine-7')).toMatch(/shorter than 12/);
    expect(adminPasswordWeakness('tall-pine-77')).toBeNull();
  });

  it('accepts any random secret of 24+ bytes (base64url or hex) and ordinary passphrases', () => {
    fc.assert(
      fc.property(fc.integer({ min: 24, max: 64 }), fc.boolean(), (bytes, hex) => {
        const secret = randomBytes(bytes).toString(hex ? 'hex' : 'base64url');
        expect(jwtSecretWeakness(secret)).toBeNull();
      }),
      { numRuns: 300 },
    );
    for (const phrase of ['a long owner passphrase', 'correct horse battery staple', 'flood-admin-password-1'])
      expect(adminPasswordWeakness(phrase)).toBeNull();
  });

  it('tells repetition', () => {
    expect(isRepetitive('abcabcabc')).toBe(true);
    expect(isRepetitive('abcabcab')).toBe(true);
    expect(isRepetitive('abcabd')).toBe(false);
    expect(isRepetitive('')).toBe(false);
  });
});
