import { describe, expect, it } from "vitest";
import { ruleTester } from "../../rule-tester.js";
import { hashBusterTag, subjectHashBuster } from "../../../src/rules/headers/subject-hash-buster.js";

const subject = (text: string) => ({ html: "<p>x</p>", subject: text });

ruleTester(subjectHashBuster, {
  valid: [
    "fixtures/subject-hash-buster/clean-order-number.eml",
    "fixtures/subject-hash-buster/clean-verification-code.eml",
    "fixtures/newsletter.eml",
    subject("Order #12345678"),
    subject("Invoice INV-2024-0012"),
    subject("Ticket [ABC-123]"),
    subject("Your code is 48392011"),
    subject("Your Amazon order 112-1234567-1234567"),
    subject("Rechnung 2026000123"),
    subject("Daily report 20261123"),
    subject("Backup finished 1700000000"),
    subject("Questions? Call us 8005551234"),
    subject("[ILUG] Optimizing for Pentium Pt.2"),
    subject("RH 7.3 and 3Com 3C905C"),
    subject("Welcome to Example.com"),
    subject("Meet the SpamAssassinRules2Team"),
    subject("Fixed! thanks"),
    subject("Done. hmmm"),
    subject("[ILUG] Re: whats up -colonize"),
  ],
  invalid: [
    {
      input: "fixtures/subject-hash-buster/fires-glued-tag.eml",
      findings: [{ evidence: "d7l7", message: /glued to the sentence's end "\."/, location: { header: "Subject", line: 3 } }],
    },
    { input: "fixtures/subject-hash-buster/fires-digit-run.eml", findings: [{ evidence: "126432211", message: /a run of 9 digits/ }] },
    { input: subject("Make you look and feel 20 YEARS YOUNGER!18861"), findings: [{ evidence: "18861" }] },
    { input: subject("Best Price on the netf5f8m1"), findings: [{ evidence: "f5f8m1" }] },
    { input: subject("good friend nUYiIFa3s19FyqZIEEC3lLvT"), findings: [{ evidence: "nUYiIFa3s19FyqZIEEC3lLvT" }] },
    { input: subject("Mortgage Rates Are Down.  isoxtjcn"), findings: [{ evidence: "isoxtjcn", message: /no word is made of/ }] },
    { input: subject("A brand new opportunity to work from home! -lrmjq"), findings: [{ evidence: "lrmjq" }] },
  ],
});

describe("hashBusterTag", () => {
  it("reads an unpronounceable tag only after the sentence's end or a hyphen", () => {
    expect(hashBusterTag("Weekly Stock Report vjf")).toBeUndefined();
    expect(hashBusterTag("Legal services for pennies a day! ljnhz")?.tag).toBe("ljnhz");
    expect(hashBusterTag("Legal services for pennies a day! lunch")).toBeUndefined();
  });

  it("takes a long subject without slowing down", () => {
    const started = performance.now();
    expect(hashBusterTag(`${"a1 ".repeat(100_000)}!`)).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(200);
  });
});
