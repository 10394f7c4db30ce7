import { describe, expect, it } from "vitest";
import { makeLink, urlParts } from "../../src/message/links.js";
import { specialAddressRange, subdomainLabels } from "../../src/domain/index.js";
import { parseTestInput } from "../rule-tester.js";

const at = { part: "text/html", line: 1, column: 1 };

describe("links: IP literals in any notation a browser accepts", () => {
  const cases: [href: string, ip: string][] = [
    ["http://192.168.1.1/", "192.168.1.1"],
    ["http://3232235777/", "192.168.1.1"], // decimal
    ["http://0xC0A80101/", "192.168.1.1"], // hex
    ["http://0xc0.0xa8.1.1/", "192.168.1.1"], // dotted hex
    ["http://0300.0250.01.01/", "192.168.1.1"], // dotted octal
    ["http://0xc0.0250.257/", "192.168.1.1"], // mixed, short form
    ["http://%31%39%32.168.1.1/", "192.168.1.1"], // %-escaped host (SpamAssassin HTTP_ESCAPED_HOST)
    ["http://www.bank.com@64.174.94.10/login", "64.174.94.10"], // userinfo trick
    ["HTTP://64.174.94.10:8080/x", "64.174.94.10"],
    ["//64.174.94.10/x", "64.174.94.10"], // protocol-relative
    ["http://[2001:db8::1]:8080/x", "2001:db8::1"],
    ["http://１９２.168.1.1/", "192.168.1.1"], // full-width digits
  ];
  for (const [href, ip] of cases) {
    it(href, () => expect(makeLink(href, "a", "", at).ip).toBe(ip));
  }
  it("names are not IPs", () => {
    expect(makeLink("http://1.2.3.4.example.com/", "a", "", at).ip).toBeUndefined();
    expect(makeLink("https://example.com/192.168.1.1", "a", "", at).ip).toBeUndefined();
    expect(makeLink("mailto:a@192.168.1.1", "a", "", at).ip).toBeUndefined();
  });
});

describe("links: userinfo", () => {
  it("is the part before the last @ of the authority, as written", () => {
    expect(makeLink("http://www.bank.com@64.174.94.10/", "a", "", at).userinfo).toBe("www.bank.com");
    expect(makeLink("http://a@b@evil.example/", "a", "", at).userinfo).toBe("a@b");
    expect(makeLink("https://example.com/path@x", "a", "", at).userinfo).toBeUndefined();
    expect(makeLink("https://example.com?a=@x", "a", "", at).userinfo).toBeUndefined();
  });
  it("urlParts keeps the scheme of non-web links", () => {
    expect(urlParts("JavaScript:alert(1)")).toEqual({ scheme: "javascript" });
    expect(urlParts("java\nscript:alert(1)")).toEqual({ scheme: "javascript" });
  });
});

describe("links through transfer encodings", () => {
  it("finds an obfuscated IP in a quoted-printable href with soft line breaks and =3D", async () => {
    const message = await parseTestInput({
      eml: [
        "From: a@example.com",
        "Subject: x",
        "MIME-Version: 1.0",
        "Content-Type: text/html; charset=iso-8859-1",
        "Content-Transfer-Encoding: quoted-printable",
        "",
        '<p>Caf=E9 <a href=3D"http://0xc0.0xa8.0x01.0x=',
        '01/offer">here</a></p>',
        "",
      ].join("\n"),
    });
    expect(message.links.map((link) => [link.href, link.ip])).toEqual([["http://0xc0.0xa8.0x01.0x01/offer", "192.168.1.1"]]);
  });
});

describe("domain: special-purpose addresses", () => {
  const cases: [string, string | undefined][] = [
    ["127.0.0.1", "loopback (RFC 1122)"],
    ["10.1.2.3", "private (RFC 1918)"],
    ["172.31.255.255", "private (RFC 1918)"],
    ["172.32.0.1", undefined],
    ["169.254.10.1", "link-local (RFC 3927)"],
    ["8.8.8.8", undefined],
    ["::1", "loopback (RFC 4291)"],
    ["fd12:3456::1", "unique local (RFC 4193)"],
    ["fe80::1", "link-local (RFC 4291)"],
    ["::ffff:7f00:1", "loopback (RFC 1122)"],
    ["::ffff:192.168.0.1", "private (RFC 1918)"],
    ["2606:4700::1111", undefined],
    ["example.com", undefined],
  ];
  for (const [ip, range] of cases) it(ip, () => expect(specialAddressRange(ip)).toBe(range));
  it("subdomain labels stop at the registrable domain", () => {
    expect(subdomainLabels("a.staging.example.co.uk")).toEqual(["a", "staging"]);
    expect(subdomainLabels("example.com")).toEqual([]);
    expect(subdomainLabels("dev.to")).toEqual([]);
    expect(subdomainLabels("localhost")).toEqual([]);
  });
});
