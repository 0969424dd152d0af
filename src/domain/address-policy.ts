/**
 * Which network addresses the server may fetch a report from. A server that fetches
 * whatever URL it is given can be pointed at its own network: the database admin page
 * on localhost, a router on 192.168.0.1, a cloud metadata service on 169.254.169.254.
 * So only globally routable unicast addresses are fetched; every special-purpose range
 * ipaddr.js knows (private, loopback, link-local, unique-local, multicast, carrier-grade
 * NAT, reserved, documentation, 6to4, Teredo, NAT64, …) is refused, and an IPv6 address
 * that embeds an IPv4 one (`::ffff:127.0.0.1`) is judged by the address it embeds.
 */
import ipaddr from "ipaddr.js";

/** Why an address may not be fetched ("127.0.0.1 is a loopback address"), or undefined when it may. */
export type AddressPolicy = (address: string) => string | undefined;

/** How each range reads in a sentence; a range missing here reads by its ipaddr.js name. */
const RANGE_NAMES: Readonly<Record<string, string>> = {
  unspecified: "an unspecified address",
  broadcast: "a broadcast address",
  multicast: "a multicast address",
  linkLocal: "a link-local address",
  loopback: "a loopback address",
  carrierGradeNat: "a carrier-grade NAT (shared) address",
  private: "a private address",
  reserved: "a reserved address",
  benchmarking: "a benchmarking address",
  uniqueLocal: "a unique-local address",
  deprecatedSiteLocal: "a site-local address",
  discard: "a discard-only address",
  rfc6145: "an IPv4-translated address",
  rfc6052: "a NAT64 address",
  "6to4": "a 6to4 address",
  teredo: "a Teredo address",
};

function rangeName(range: string): string {
  return RANGE_NAMES[range] ?? `a special-purpose (${range}) address`;
}

/**
 * The default policy: undefined for a public unicast address, else the reason it is
 * refused, naming the address class. Anything that is not an IP address is refused too,
 * so a caller that forgot to resolve a host name fails closed.
 */
export function nonPublicAddressReason(address: string): string | undefined {
  if (!ipaddr.isValid(address)) return `${address} is not an IP address`;
  const parsed = ipaddr.parse(address);
  if (parsed.kind() === "ipv6") {
    const v6 = parsed as ipaddr.IPv6;
    if (v6.isIPv4MappedAddress()) {
      const v4 = v6.toIPv4Address();
      const range = v4.range();
      return range === "unicast" ? undefined : `${address} is an IPv4-mapped form of ${v4.toString()}, ${rangeName(range)}`;
    }
    const range = v6.range();
    return range === "unicast" ? undefined : `${address} is ${rangeName(range)}`;
  }
  const range = (parsed as ipaddr.IPv4).range();
  return range === "unicast" ? undefined : `${address} is ${rangeName(range)}`;
}

/**
 * Names that mean this machine whatever DNS says (RFC 6761: `localhost` and anything
 * under `.localhost`), refused by name so no resolver quirk can let them through.
 */
export function isLoopbackName(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, "");
  return name === "localhost" || name.endsWith(".localhost");
}
