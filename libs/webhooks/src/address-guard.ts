import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * Only global unicast addresses may receive webhooks (docs/api.md#webhooks): not loopback, private,
 * link-local, unique-local, carrier-grade NAT, multicast, reserved, unspecified, nor the IPv6 forms
 * that embed an IPv4 address (mapped `::ffff:…`, NAT64, 6to4, Teredo), which could point anywhere.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  return parsed.range() === 'unicast';
}

/** The host of a URL as a resolver takes it (`[::1]` → `::1`). */
export const hostOf = (url: URL): string => url.hostname.replace(/^\[(.*)\]$/, '$1');

export class PrivateAddressError extends Error {}

/** Every address `host` resolves to; refused when any of them is not public. */
export async function publicAddressesOf(host: string): Promise<string[]> {
  const addresses = isIP(host) ? [host] : (await lookupAll(host)).map((a) => a.address);
  const refused = addresses.find((address) => !isPublicAddress(address));
  if (refused) throw new PrivateAddressError(`${host} resolves to ${refused}, which is not a public address`);
  return addresses;
}

function lookupAll(host: string): Promise<LookupAddress[]> {
  return new Promise((resolve, reject) => dnsLookup(host, { all: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))));
}

/**
 * The resolver of a delivery's connection: the address checked is the one connected to, so a name
 * that resolved to a public address when the webhook was saved and to a private one now (DNS
 * rebinding) is refused at delivery time.
 */
export const guardedLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, '', 0);
    const refused = addresses.find((a) => !isPublicAddress(a.address));
    if (refused) return callback(new PrivateAddressError(`${hostname} resolves to ${refused.address}, which is not a public address`), '', 0);
    if (options.all) return (callback as unknown as (error: null, addresses: LookupAddress[]) => void)(null, addresses);
    callback(null, addresses[0].address, addresses[0].family);
  });
};
