import fc from 'fast-check';
import { SecretBox } from './secret-box.js';

describe('SecretBox', () => {
  const box = new SecretBox('a-server-secret-of-enough-length-for-tests', 'webhook-secrets');

  it('opens what it sealed, and the sealed text shows nothing of it', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 200 }), (plain) => {
        const sealed = box.seal(plain);
        expect(box.open(sealed)).toBe(plain);
        if (plain.length >= 8) expect(sealed).not.toContain(plain);
      }),
    );
  });

  it('seals the same text differently each time', () => {
    expect(box.seal('whsec_abc')).not.toBe(box.seal('whsec_abc'));
  });

  it('refuses a value sealed under another server secret or purpose, or changed', () => {
    const sealed = box.seal('whsec_abc');
    expect(() => new SecretBox('another-server-secret-of-enough-length', 'webhook-secrets').open(sealed)).toThrow();
    expect(() => new SecretBox('a-server-secret-of-enough-length-for-tests', 'other-purpose').open(sealed)).toThrow();
    // one character changed (the second to last: it and the last carry tag bits); it must differ
    const at = sealed.length - 2;
    const flipped = sealed.slice(0, at) + (sealed[at] === 'A' ? 'B' : 'A') + sealed.slice(at + 1);
    expect(flipped).not.toBe(sealed);
    expect(() => box.open(flipped)).toThrow();
    expect(() => box.open('whsec_abc')).toThrow();
  });
});
