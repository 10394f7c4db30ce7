import * as dnsPacket from "dns-packet";
import { describe, expect, it } from "vitest";
import { answersQuestion, isValidDnsName, toQueryResult } from "../../src/dns/wire.js";

function reply(packet: dnsPacket.Packet): dnsPacket.DecodedPacket {
  return dnsPacket.decode(dnsPacket.encode({ type: "response", id: 7, questions: [{ name: "example.com", type: "TXT" }], ...packet }));
}

describe("TXT text", () => {
  it("reads bytes that are not UTF-8 as Latin-1, losing nothing", () => {
    const result = toQueryResult(reply({ answers: [{ type: "TXT", name: "example.com", data: [Buffer.from([0x63, 0x61, 0x66, 0xe9])] }] }), "example.com", "TXT");
    expect(result.answers[0]?.data).toBe("café");
  });

  it("decodes a UTF-8 character split across two character-strings", () => {
    const bytes = Buffer.from("é");
    const result = toQueryResult(reply({ answers: [{ type: "TXT", name: "example.com", data: [bytes.subarray(0, 1), bytes.subarray(1)] }] }), "example.com", "TXT");
    expect(result.answers[0]?.data).toBe("é");
  });

  it("reads the obsolete SPF type 99 like TXT (RFC 7208 §3.1)", () => {
    const rdata = Buffer.concat([Buffer.from([6]), Buffer.from("v=spf1"), Buffer.from([5]), Buffer.from(" -all")]);
    const packet = dnsPacket.decode(
      dnsPacket.encode({
        type: "response",
        id: 1,
        questions: [{ name: "example.com", type: "SPF" as dnsPacket.RecordType }],
        answers: [{ type: "SPF" as "NULL", name: "example.com", data: rdata }],
      }),
    );
    expect(toQueryResult(packet, "example.com", "SPF").answers[0]).toMatchObject({ data: "v=spf1 -all", strings: ["v=spf1", " -all"] });
  });
});

describe("is this reply ours? (RFC 5452 §9.1)", () => {
  const ours = reply({});
  it("needs the id, the name in any case, the type and a response", () => {
    expect(answersQuestion(ours, 7, "EXAMPLE.com.", "TXT")).toBe(true);
    expect(answersQuestion(ours, 8, "example.com", "TXT")).toBe(false);
    expect(answersQuestion(ours, 7, "example.org", "TXT")).toBe(false);
    expect(answersQuestion(ours, 7, "example.com", "A")).toBe(false);
    expect(answersQuestion(dnsPacket.decode(dnsPacket.encode({ type: "query", id: 7, questions: [{ name: "example.com", type: "TXT" }] })), 7, "example.com", "TXT")).toBe(false);
  });
});

describe("names", () => {
  it.each([
    ["example.com", true],
    ["example.com.", true],
    [`${"a".repeat(63)}.example`, true],
    [`${"a".repeat(64)}.example`, false],
    ["a..example", false],
    ["", false],
    [`${"abcdefghi.".repeat(26)}com`, false],
  ])("%s valid: %s", (name, valid) => {
    expect(isValidDnsName(name)).toBe(valid);
  });
});
