import ipaddr from 'ipaddr.js';

/**
 * IP address facts for the HTTP edge, pure (ipaddr.js does the parsing: it reads the loose IPv4
 * forms too — 2130706433, 0x7f000001, 0177.0.0.1 — and knows the special-purpose ranges).
 */

type Parsed = ipaddr.IPv4 | ipaddr.IPv6;

/** The address as one canonical form: IPv4-mapped IPv6 (::ffff:127.0.0.1) becomes the IPv4 it is. */
export function parseAddress(text: string): Parsed | null {
  const bare = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  if (!ipaddr.isValid(bare)) return null;
  return ipaddr.process(bare);
}

/**
 * Why an address must not be connected to for a user-given URL, or null when it is an ordinary
 * public one. Anything ipaddr.js does not call "unicast" is refused: loopback, private (RFC 1918),
 * carrier-grade NAT (100.64/10), link-local (169.254/16 with the cloud metadata service, fe80::/10),
 * unique-local (fc00::/7), multicast, broadcast, unspecified, reserved and documentation ranges,
 * and the IPv6 forms that carry an IPv4 address inside (6to4, NAT64, Teredo).
 */
export function refusedRange(address: string): string | null {
  const parsed = parseAddress(address);
  if (!parsed) return 'not an IP address';
  const range = parsed.range();
  return range === 'unicast' ? null : range;
}

/** A comma list of addresses and CIDR blocks (`10.0.0.0/8, ::1`), or the entries that are neither. */
export function parseCidrList(text: string): { blocks: [Parsed, number][]; invalid: string[] } {
  const blocks: [Parsed, number][] = [];
  const invalid: string[] = [];
  for (const item of text.split(',').map((s) => s.trim()).filter(Boolean)) {
    if (ipaddr.isValidCIDR(item)) {
      const [address, bits] = ipaddr.parseCIDR(item);
      const mapped = address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress();
      blocks.push(mapped ? [(address as ipaddr.IPv6).toIPv4Address(), Math.max(0, bits - 96)] : [address, bits]);
    } else if (ipaddr.isValid(item)) {
      const address = ipaddr.process(item);
      blocks.push([address, address.kind() === 'ipv4' ? 32 : 128]);
    } else {
      invalid.push(item);
    }
  }
  return { blocks, invalid };
}

export function isInBlocks(address: string, blocks: readonly [Parsed, number][]): boolean {
  const parsed = parseAddress(address);
  if (!parsed) return false;
  return blocks.some(([base, bits]) => base.kind() === parsed.kind() && parsed.match(base as never, bits));
}

/**
 * The key one client is counted under: the address itself for IPv4, its /64 network for IPv6 (one
 * subscriber usually holds a whole /64, so counting single IPv6 addresses counts nothing).
 */
export function clientKey(address: string): string {
  const parsed = parseAddress(address);
  if (!parsed) return address;
  if (parsed.kind() === 'ipv4') return parsed.toString();
  const parts = (parsed as ipaddr.IPv6).parts.slice(0, 4).map((p) => p.toString(16));
  return `${parts.join(':')}::/64`;
}
