import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/**
 * Server-side requests to addresses someone else chose (image URLs in a CSV import, webhook
 * endpoints) must never reach the machine itself, its private network or the cloud metadata service
 * (SSRF). This module says whether an address is on the public internet, and offers a DNS lookup
 * for node:http(s) / node:net that refuses to connect anywhere else.
 */

/** Ranges that are not the public internet. IPv4-mapped IPv6 (`::ffff:10.0.0.1`) matches the IPv4 rules. */
const nonPublicRanges: ReadonlyArray<readonly [network: string, prefix: number, family: 'ipv4' | 'ipv6']> = [
  ['0.0.0.0', 8, 'ipv4'], // "this network"; 0.0.0.0 reaches localhost on Linux
  ['10.0.0.0', 8, 'ipv4'],
  ['100.64.0.0', 10, 'ipv4'], // carrier-grade NAT, used for internal networks by some clouds
  ['127.0.0.0', 8, 'ipv4'],
  ['169.254.0.0', 16, 'ipv4'], // link-local, home of cloud metadata endpoints (169.254.169.254)
  ['172.16.0.0', 12, 'ipv4'],
  ['192.0.0.0', 24, 'ipv4'], // IETF protocol assignments
  ['192.168.0.0', 16, 'ipv4'],
  ['198.18.0.0', 15, 'ipv4'], // network benchmarking
  ['224.0.0.0', 4, 'ipv4'], // multicast
  ['240.0.0.0', 4, 'ipv4'], // reserved, and the broadcast address
  ['::', 96, 'ipv6'], // unspecified, loopback (::1) and the deprecated IPv4-compatible form (::127.0.0.1)
  ['fc00::', 7, 'ipv6'], // unique local
  ['fe80::', 10, 'ipv6'], // link-local
  ['fec0::', 10, 'ipv6'], // deprecated site-local
  ['ff00::', 8, 'ipv6'], // multicast
];

const nonPublic = new BlockList();
for (const [network, prefix, family] of nonPublicRanges) nonPublic.addSubnet(network, prefix, family);

/** Strips the brackets URL host names put around IPv6 literals (`[::1]` → `::1`). */
export function unbracketHost(hostname: string): string {
  return hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
}

/** True when `address` is an IP literal on the public internet; false for private, loopback, link-local, etc. and for anything that is not an IP. */
export function isPublicAddress(address: string): boolean {
  const ip = unbracketHost(address);
  const family = isIP(ip);
  if (family === 0) return false;
  return !nonPublic.check(ip, family === 4 ? 'ipv4' : 'ipv6');
}

export type PublicHostResult =
  | { ok: true; addresses: LookupAddress[] }
  | { ok: false; reason: 'private_address' | 'unresolvable_host'; message: string };

/**
 * Resolves a host name (or takes an IP literal) and accepts it only when every address it resolves
 * to is public: a name that answers with one public and one private address is refused, since the
 * client may connect to either. Checking before connecting leaves a gap if DNS answers differently
 * the second time (DNS rebinding); clients that can should connect through `publicAddressLookup`.
 */
export async function resolvePublicHost(hostname: string): Promise<PublicHostResult> {
  const host = unbracketHost(hostname);
  const family = isIP(host);
  if (family !== 0) {
    return isPublicAddress(host)
      ? { ok: true, addresses: [{ address: host, family }] }
      : { ok: false, reason: 'private_address', message: 'The address is not on the public internet.' };
  }
  let addresses: LookupAddress[];
  try {
    addresses = await lookupAll(host, { all: true });
  } catch {
    return { ok: false, reason: 'unresolvable_host', message: 'The host name could not be resolved.' };
  }
  if (addresses.length === 0) {
    return { ok: false, reason: 'unresolvable_host', message: 'The host name could not be resolved.' };
  }
  if (!addresses.every((entry) => isPublicAddress(entry.address))) {
    return {
      ok: false,
      reason: 'private_address',
      message: 'The host name resolves to a non-public address.',
    };
  }
  return { ok: true, addresses };
}

function lookupAll(hostname: string, options: LookupAllOptions): Promise<LookupAddress[]> {
  return new Promise((resolve, reject) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) =>
      err ? reject(err) : resolve(addresses),
    );
  });
}

/** The error `publicAddressLookup` fails a connection with. */
export const PRIVATE_ADDRESS_ERROR_CODE = 'ERR_NON_PUBLIC_ADDRESS';

/**
 * A drop-in `lookup` for node:http(s) `request()` and node:net `connect()`: resolves as usual but
 * fails with code `ERR_NON_PUBLIC_ADDRESS` when any answer is not public. Because the check runs on
 * the very lookup the socket connects with, DNS rebinding cannot slip past it. Node skips `lookup`
 * for IP literals, so check those with `isPublicAddress` before the request.
 */
export const publicAddressLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, []);
    if (addresses.length === 0 || !addresses.every((entry) => isPublicAddress(entry.address))) {
      const error: NodeJS.ErrnoException = new Error(`${hostname} resolves to a non-public address.`);
      error.code = PRIVATE_ADDRESS_ERROR_CODE;
      return callback(error, []);
    }
    if (options.all) return callback(null, addresses);
    const [first] = addresses as [LookupAddress];
    callback(null, first.address, first.family);
  });
};
