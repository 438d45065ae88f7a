import ipaddr from 'ipaddr.js';

/**
 * Who a client is for rate limits and the keyed hashes of voters, reporters and authors: its
 * IPv4 address, or the /64 network of its IPv6 address. Providers hand every subscriber a
 * whole /64, so counting single IPv6 addresses would give one person unlimited posts and
 * votes. An IPv4-mapped IPv6 address (`::ffff:192.0.2.1`) is its IPv4 address.
 */
export function clientKey(ip: string): string {
  if (!ipaddr.isValid(ip)) return ip;
  const address = ipaddr.process(ip);
  if (address.kind() === 'ipv4') return address.toString();
  const network = (address as ipaddr.IPv6).parts.slice(0, 4).map((part) => part.toString(16));
  return `${network.join(':')}::/64`;
}
