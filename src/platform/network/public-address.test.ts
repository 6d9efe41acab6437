import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isPublicAddress, publicAddressLookup, resolvePublicHost } from './public-address.ts';

describe('isPublicAddress', () => {
  const table: Array<[address: string, isPublic: boolean]> = [
    // public
    ['8.8.8.8', true],
    ['1.1.1.1', true],
    ['93.184.215.14', true],
    ['172.15.255.255', true], // just below 172.16/12
    ['172.32.0.0', true], // just above 172.16/12
    ['100.63.255.255', true],
    ['169.253.255.255', true],
    ['2606:4700:4700::1111', true],
    ['2001:4860:4860::8888', true],
    ['[2001:db8::1]', true], // brackets as in a URL host
    ['::ffff:8.8.8.8', true],
    // loopback
    ['127.0.0.1', false],
    ['127.255.255.254', false],
    ['::1', false],
    ['[::1]', false],
    // private and shared
    ['10.0.0.1', false],
    ['10.255.255.255', false],
    ['172.16.0.1', false],
    ['172.31.255.255', false],
    ['192.168.1.1', false],
    ['100.64.0.1', false],
    // link-local and cloud metadata
    ['169.254.169.254', false],
    ['fe80::1', false],
    ['febf:ffff::1', false],
    // unique local
    ['fc00::1', false],
    ['fd12:3456:789a::1', false],
    // unspecified, this network, multicast, reserved, broadcast
    ['0.0.0.0', false],
    ['0.1.2.3', false],
    ['::', false],
    ['224.0.0.1', false],
    ['239.255.255.250', false],
    ['ff02::1', false],
    ['240.0.0.1', false],
    ['255.255.255.255', false],
    // IPv4 inside IPv6 must not slip through
    ['::ffff:127.0.0.1', false],
    ['::ffff:7f00:1', false],
    ['::ffff:10.0.0.1', false],
    ['::ffff:169.254.169.254', false],
    ['::127.0.0.1', false],
    // not IP literals
    ['localhost', false],
    ['example.com', false],
    ['', false],
    ['127.1', false],
    ['0x7f000001', false],
  ];
  for (const [address, expected] of table) {
    test(`${address || '(empty)'} → ${expected ? 'public' : 'refused'}`, () => {
      assert.equal(isPublicAddress(address), expected);
    });
  }
});

describe('resolvePublicHost', () => {
  test('refuses loopback literals and names that resolve to loopback', async () => {
    assert.deepEqual(await resolvePublicHost('127.0.0.1'), {
      ok: false,
      reason: 'private_address',
      message: 'The address is not on the public internet.',
    });
    const localhost = await resolvePublicHost('localhost');
    assert.equal(localhost.ok, false);
    assert.equal(localhost.ok === false && localhost.reason, 'private_address');
  });

  test('accepts a public literal without a lookup', async () => {
    assert.deepEqual(await resolvePublicHost('[2606:4700:4700::1111]'), {
      ok: true,
      addresses: [{ address: '2606:4700:4700::1111', family: 6 }],
    });
  });

  test('a name that does not resolve is reported as such', async () => {
    const result = await resolvePublicHost('no-such-host.invalid');
    assert.equal(result.ok === false && result.reason, 'unresolvable_host');
  });
});

describe('publicAddressLookup', () => {
  test('fails the connection lookup for a name that resolves to loopback', async () => {
    for (const all of [false, true]) {
      const err = await new Promise<NodeJS.ErrnoException | null>((resolve) =>
        publicAddressLookup('localhost', { all }, (error) => resolve(error)),
      );
      assert.equal(err?.code, 'ERR_NON_PUBLIC_ADDRESS');
    }
  });
});
