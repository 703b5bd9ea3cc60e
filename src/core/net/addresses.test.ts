import { describe, expect, it } from 'vitest';
import { clientKey, isInBlocks, parseCidrList, refusedRange } from './addresses.js';

describe('addresses a user-given URL must not reach', () => {
  it('refuses loopback, private, CGNAT, link-local (metadata), unique-local, multicast, unspecified and mapped forms', () => {
    for (const [address, range] of [
      ['127.0.0.1', 'loopback'], ['::1', 'loopback'], ['[::1]', 'loopback'], ['::ffff:127.0.0.1', 'loopback'], ['::ffff:7f00:1', 'loopback'],
      ['10.1.2.3', 'private'], ['172.16.0.1', 'private'], ['192.168.1.1', 'private'], ['100.64.0.1', 'carrierGradeNat'],
      ['169.254.169.254', 'linkLocal'], ['fe80::1', 'linkLocal'], ['fd00:ec2::254', 'uniqueLocal'], ['224.0.0.1', 'multicast'], ['ff02::1', 'multicast'],
      ['0.0.0.0', 'unspecified'], ['::', 'unspecified'], ['255.255.255.255', 'broadcast'], ['64:ff9b::7f00:1', 'rfc6052'], ['2002:7f00:1::', '6to4'],
    ]) expect(refusedRange(address!), address).toBe(range);
  });

  it('reads the loose IPv4 forms as the address they are', () => {
    for (const loose of ['2130706433', '0x7f000001', '0177.0.0.1', '127.1']) expect(refusedRange(loose), loose).toBe('loopback');
  });

  it('passes ordinary public addresses and refuses what is no address', () => {
    expect(refusedRange('142.250.70.227')).toBeNull();
    expect(refusedRange('2607:f8b0:4004:c1b::5f')).toBeNull();
    expect(refusedRange('push.example.org')).toBe('not an IP address');
  });
});

describe('CIDR lists', () => {
  it('reads addresses and blocks of both families and names what is neither', () => {
    const { blocks, invalid } = parseCidrList('127.0.0.1/32, 10.0.0.0/8,::1, fd00::/8, nonsense, 300.1.1.1');
    expect(blocks).toHaveLength(4);
    expect(invalid).toEqual(['nonsense', '300.1.1.1']);
    expect(isInBlocks('10.9.8.7', blocks)).toBe(true);
    expect(isInBlocks('::ffff:10.9.8.7', blocks)).toBe(true);
    expect(isInBlocks('127.0.0.2', blocks)).toBe(false);
    expect(isInBlocks('fd12::1', blocks)).toBe(true);
    expect(isInBlocks('::1', blocks)).toBe(true);
  });
});

describe('the key a client is counted under', () => {
  it('is the IPv4 address, or the /64 of an IPv6 one', () => {
    expect(clientKey('::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(clientKey('2001:db8:1:2:aaaa::1')).toBe(clientKey('2001:db8:1:2:bbbb::9'));
    expect(clientKey('2001:db8:1:2:aaaa::1')).not.toBe(clientKey('2001:db8:1:3::1'));
  });
});
