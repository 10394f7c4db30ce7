import { describe, expect, it } from "vitest";
import { parseResolvConf, readSystemNameservers } from "../../src/dns/system.js";

describe("/etc/resolv.conf", () => {
  it("reads nameserver lines, IPv4 and IPv6, at most three", () => {
    const text = ["# generated", "search example.com", "nameserver 192.0.2.53", "  nameserver   2001:db8::53", "options edns0", "nameserver 192.0.2.54", "nameserver 192.0.2.55"].join("\n");
    expect(parseResolvConf(text)).toEqual([
      { host: "192.0.2.53", port: 53, family: 4 },
      { host: "2001:db8::53", port: 53, family: 6 },
      { host: "192.0.2.54", port: 53, family: 4 },
    ]);
  });

  it("skips what is not an address and falls back to 127.0.0.1:53", () => {
    expect(parseResolvConf("nameserver dns.example\n; nameserver 192.0.2.1\n")).toEqual([{ host: "127.0.0.1", port: 53, family: 4 }]);
  });

  it("falls back when the file cannot be read", async () => {
    expect(await readSystemNameservers("/nonexistent/resolv.conf")).toEqual([{ host: "127.0.0.1", port: 53, family: 4 }]);
  });
});
