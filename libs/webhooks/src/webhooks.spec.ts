import fc from 'fast-check';
import { isPublicAddress } from './address-guard.js';
import { eventBody, publicEventId } from './webhook-events.js';
import { signatureHeader, verifySignature } from './webhook-signature.js';

describe('the private-address guard', () => {
  it.each([
    ['127.0.0.1', false],
    ['127.255.0.9', false],
    ['10.0.0.1', false],
    ['172.16.0.1', false],
    ['192.168.1.1', false],
    ['169.254.169.254', false],
    ['100.64.0.1', false],
    ['0.0.0.0', false],
    ['255.255.255.255', false],
    ['224.0.0.1', false],
    ['::1', false],
    ['::', false],
    ['fe80::1', false],
    ['fc00::1', false],
    ['fd12:3456::1', false],
    ['::ffff:127.0.0.1', false],
    ['::ffff:10.0.0.1', false],
    ['64:ff9b::a00:1', false],
    ['2002:a00:1::1', false],
    ['not-an-ip', false],
    ['93.184.215.14', true],
    ['8.8.8.8', true],
    ['2606:4700:4700::1111', true],
    ['::ffff:8.8.8.8', true],
  ])('%s is public: %s', (address, expected) => expect(isPublicAddress(address)).toBe(expected));

  it('no address of the private IPv4 ranges is public, mapped into IPv6 or not', () => {
    const octet = fc.integer({ min: 0, max: 255 });
    fc.assert(
      fc.property(fc.constantFrom('10', '127', '192.168', '172.16', '169.254'), octet, octet, octet, (prefix, a, b, c) => {
        const address = [...prefix.split('.'), a, b, c].slice(0, 4).join('.');
        expect(isPublicAddress(address)).toBe(false);
        expect(isPublicAddress(`::ffff:${address}`)).toBe(false);
      }),
    );
  });
});

describe('signatures', () => {
  it('verify with the secret that signed them, over the exact body, within the tolerance', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string(), fc.integer({ min: 1_700_000_000, max: 2_000_000_000 }), (secret, body, t) => {
        const header = signatureHeader(secret, body, t);
        expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
        expect(verifySignature(secret, body, header, t + 10)).toBe(true);
        expect(verifySignature(`${secret}x`, body, header, t)).toBe(false);
        expect(verifySignature(secret, `${body} `, header, t)).toBe(false);
        expect(verifySignature(secret, body, header, t + 301)).toBe(false);
      }),
    );
  });

  it('the body is {id, type, createdAt, data} and the id an evt_ of 32 hex digits', () => {
    const id = publicEventId('3f0c2d1e-9a8b-4c7d-8e6f-5a4b3c2d1e0f');
    expect(id).toBe('evt_3f0c2d1e9a8b4c7d8e6f5a4b3c2d1e0f');
    expect(JSON.parse(eventBody(id, 'ping', new Date('2026-12-06T00:00:00Z'), { webhookId: 1 }))).toEqual({
      id,
      type: 'ping',
      createdAt: '2026-12-06T00:00:00.000Z',
      data: { webhookId: 1 },
    });
  });
});
