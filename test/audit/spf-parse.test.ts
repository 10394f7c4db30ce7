import { describe, expect, it } from "vitest";
import { countsAsLookup, domainSpecProblem, isSpfRecord, parseSpf } from "../../src/audit/spf-parse.js";

describe("parseSpf (RFC 7208 grammar)", () => {
  it.each([
    "v=spf1 -all",
    "v=spf1 ip4:192.0.2.0/24 ip6:2001:db8::/32 a mx/24 a:mail.example.com/28//64 include:_spf.example.net ~all",
    "v=spf1 exists:%{i}.%{l1r+-}._spf.%{d} ptr:example.org ?all",
    "v=spf1 redirect=_spf.example.com",
    "v=spf1 -all exp=explain._spf.%{d} moo=%{s}",
    "V=SPF1 Include:EXAMPLE.com -ALL",
  ])("accepts %s", (record) => {
    expect(parseSpf(record).errors).toEqual([]);
  });

  it.each([
    ["v=spf1 ip4:192.0.2.0/33 -all", "ip4:192.0.2.0/33", /CIDR length \/33/],
    ["v=spf1 ip4:192.0.2.01 -all", "ip4:192.0.2.01", /dotted-quad/],
    ["v=spf1 ip6:2001:db8::/129 -all", "ip6:2001:db8::/129", /CIDR length/],
    ["v=spf1 include -all", "include", /needs ":domain"/],
    ["v=spf1 include:localhost -all", "include:localhost", /not a fully qualified domain/],
    ["v=spf1 a:example.123 -all", "a:example.123", /valid top label/],
    ["v=spf1 exists:%{c}.example.com -all", "exists:%{c}.example.com", /only allowed in exp= text/],
    ["v=spf1 exists:%{x}.example.com -all", "exists:%{x}.example.com", /unknown macro letter/],
    ["v=spf1 a:%.example.com -all", "a:%.example.com", /invalid macro/],
    ["v=spf1 foo:bar.example -all", "foo:bar.example", /unknown mechanism "foo"/],
    ["v=spf1 -all/24", "-all/24", /takes no argument/],
    ["v=spf1 redirect=a.example redirect=b.example", "redirect=b.example", /more than once/],
    ["v=spf1 a:ex\u00e4mple.com -all", "a:ex\u00e4mple.com", /7-bit/],
  ])("rejects %s at %s", (record, term, message) => {
    const [error] = parseSpf(record).errors;
    expect(error?.term).toBe(term);
    expect(error?.message).toMatch(message);
  });

  it("counts include, a, mx, ptr, exists and redirect as lookups (§4.6.4), not ip4/ip6/all/exp", () => {
    const { terms } = parseSpf("v=spf1 include:a.example a mx ptr exists:b.example ip4:192.0.2.1 ip6:::1 -all exp=c.example redirect=d.example");
    expect(terms.filter(countsAsLookup).map((term) => term.text)).toEqual(["include:a.example", "a", "mx", "ptr", "exists:b.example", "redirect=d.example"]);
  });

  it("recognises records by v=spf1 followed by a space or the end (§4.5)", () => {
    expect(isSpfRecord("v=spf1")).toBe(true);
    expect(isSpfRecord("v=spf1 -all")).toBe(true);
    expect(isSpfRecord("v=spf10 -all")).toBe(false);
    expect(isSpfRecord(" v=spf1 -all")).toBe(false);
  });

  it("accepts a domain-spec ending in a macro (domain-end = macro-expand)", () => {
    expect(domainSpecProblem("%{d}")).toBeUndefined();
    expect(domainSpecProblem("_spf.%{d2}")).toBeUndefined();
  });
});
