import { test } from "node:test";
import assert from "node:assert/strict";
import { isLoopbackName, nonPublicAddressReason } from "./address-policy.ts";

const refused: Array<[address: string, reason: string]> = [
  ["127.0.0.1", "127.0.0.1 is a loopback address"],
  ["127.0.0.2", "127.0.0.2 is a loopback address"],
  ["::1", "::1 is a loopback address"],
  ["10.0.0.1", "10.0.0.1 is a private address"],
  ["172.16.5.4", "172.16.5.4 is a private address"],
  ["192.168.1.1", "192.168.1.1 is a private address"],
  ["169.254.169.254", "169.254.169.254 is a link-local address"],
  ["fe80::1", "fe80::1 is a link-local address"],
  ["fd12:3456::1", "fd12:3456::1 is a unique-local address"],
  ["224.0.0.251", "224.0.0.251 is a multicast address"],
  ["ff02::1", "ff02::1 is a multicast address"],
  ["0.0.0.0", "0.0.0.0 is an unspecified address"],
  ["::", ":: is an unspecified address"],
  ["255.255.255.255", "255.255.255.255 is a broadcast address"],
  ["100.64.0.1", "100.64.0.1 is a carrier-grade NAT (shared) address"],
  ["192.0.2.10", "192.0.2.10 is a reserved address"],
  ["2001:db8::1", "2001:db8::1 is a reserved address"],
  ["::ffff:127.0.0.1", "::ffff:127.0.0.1 is an IPv4-mapped form of 127.0.0.1, a loopback address"],
  ["::ffff:a00:1", "::ffff:a00:1 is an IPv4-mapped form of 10.0.0.1, a private address"],
  ["::ffff:169.254.169.254", "::ffff:169.254.169.254 is an IPv4-mapped form of 169.254.169.254, a link-local address"],
  ["64:ff9b::7f00:1", "64:ff9b::7f00:1 is a NAT64 address"],
  ["2002:7f00:1::", "2002:7f00:1:: is a 6to4 address"],
  ["2001::1", "2001::1 is a Teredo address"],
  ["example.org", "example.org is not an IP address"],
];

for (const [address, reason] of refused) {
  test(`nonPublicAddressReason refuses ${address}`, () => {
    assert.equal(nonPublicAddressReason(address), reason);
  });
}

for (const address of ["93.184.215.14", "8.8.8.8", "2606:4700:4700::1111", "::ffff:8.8.8.8"]) {
  test(`nonPublicAddressReason allows the public address ${address}`, () => {
    assert.equal(nonPublicAddressReason(address), undefined);
  });
}

test("isLoopbackName: localhost and names under .localhost, whatever their case or trailing dot", () => {
  for (const name of ["localhost", "LOCALHOST", "localhost.", "db.localhost", "a.b.Localhost."]) assert.equal(isLoopbackName(name), true, name);
  for (const name of ["localhost.example.org", "notlocalhost", "example.org"]) assert.equal(isLoopbackName(name), false, name);
});
