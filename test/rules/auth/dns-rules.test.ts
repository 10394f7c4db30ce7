// Every authentication, dns and reputation rule against the loopback DNS server: a zone that fires
// it and the clean zone (fixtures/zones/auth-good.json) that does not, through a real audit.
import { describe, expect, it } from "vitest";
import type { AuditOptions } from "../../../src/audit/index.js";
import { loadRuleData } from "../../../src/rules/data.js";
import type { DnsRule, RawFinding } from "../../../src/rules/types.js";
import { auditZone } from "../../audit/audit-zone.js";
import { signedMessage } from "../../audit/signed-message.js";
import { spfMissing } from "../../../src/rules/authentication/spf-missing.js";
import { spfMultipleRecords } from "../../../src/rules/authentication/spf-multiple-records.js";
import { spfSyntax } from "../../../src/rules/authentication/spf-syntax.js";
import { spfTooManyLookups } from "../../../src/rules/authentication/spf-too-many-lookups.js";
import { spfVoidLookups } from "../../../src/rules/authentication/spf-void-lookups.js";
import { spfPermissiveAll } from "../../../src/rules/authentication/spf-permissive-all.js";
import { spfFail } from "../../../src/rules/authentication/spf-fail.js";
import { spfPtrMechanism } from "../../../src/rules/authentication/spf-ptr-mechanism.js";
import { spfIncludeLoop } from "../../../src/rules/authentication/spf-include-loop.js";
import { spfIncludeMissing } from "../../../src/rules/authentication/spf-include-missing.js";
import { dkimMissing } from "../../../src/rules/authentication/dkim-missing.js";
import { dkimWeakKey } from "../../../src/rules/authentication/dkim-weak-key.js";
import { dkimTesting } from "../../../src/rules/authentication/dkim-testing.js";
import { dkimRevoked } from "../../../src/rules/authentication/dkim-revoked.js";
import { dkimKeyInvalid } from "../../../src/rules/authentication/dkim-key-invalid.js";
import { dkimSignatureInvalid } from "../../../src/rules/authentication/dkim-signature-invalid.js";
import { dkimUnsubscribeUnsigned } from "../../../src/rules/authentication/dkim-unsubscribe-unsigned.js";
import { dmarcMissing } from "../../../src/rules/authentication/dmarc-missing.js";
import { dmarcSyntax } from "../../../src/rules/authentication/dmarc-syntax.js";
import { dmarcPolicyNone } from "../../../src/rules/authentication/dmarc-policy-none.js";
import { dmarcRemovedTags } from "../../../src/rules/authentication/dmarc-removed-tags.js";
import { dmarcTesting } from "../../../src/rules/authentication/dmarc-testing.js";
import { dmarcNoRua } from "../../../src/rules/authentication/dmarc-no-rua.js";
import { dmarcRuaUnauthorised } from "../../../src/rules/authentication/dmarc-rua-unauthorised.js";
import { dmarcMisaligned } from "../../../src/rules/authentication/dmarc-misaligned.js";
import { dmarcRfc7489Differs } from "../../../src/rules/authentication/dmarc-rfc7489-differs.js";
import { mxMissing } from "../../../src/rules/dns/mx-missing.js";
import { ptrMissing } from "../../../src/rules/dns/ptr-missing.js";
import { domainNoAddress } from "../../../src/rules/dns/domain-no-address.js";
import { dnsTemperror } from "../../../src/rules/dns/dns-temperror.js";
import { ipBlocklisted } from "../../../src/rules/reputation/ip-blocklisted.js";
import { domainBlocklisted } from "../../../src/rules/reputation/domain-blocklisted.js";
import { blocklistUnknown } from "../../../src/rules/reputation/blocklist-unknown.js";

type Options = Partial<Omit<AuditOptions, "resolver">>;

interface Case {
  readonly rule: DnsRule;
  /** auth-<zone>.json; default: the rule id. */
  readonly zone?: string;
  readonly options?: () => Promise<Options> | Options;
  /** The clean run's options (on auth-good), default: the same as the firing run's. */
  readonly cleanOptions?: () => Promise<Options> | Options;
  readonly findings: readonly Partial<Record<keyof RawFinding, unknown>>[];
}

const IP = "192.0.2.10";
const CASES: readonly Case[] = [
  { rule: spfMissing, findings: [{ message: /No SPF record .* at sender\.example/ }] },
  { rule: spfMultipleRecords, findings: [{ message: /2 SPF records at sender\.example/ }] },
  {
    rule: spfSyntax,
    findings: [
      { evidence: "ip4:198.51.100.0/33", message: /_spf\.esp\.example: invalid CIDR length \/33/ },
      { evidence: "foo:bar.example", message: /unknown mechanism "foo"/ },
    ],
  },
  {
    rule: spfTooManyLookups,
    findings: [
      {
        message:
          "SPF for sender.example needs 13 DNS lookups (limit 10): include:_spf.a.example (4), include:_spf.b.example (7), mx (1), a (1). " +
          "The 11th, where receivers stop with permerror, is include:_spf.b.example → exists:%{i}.ex.b.example.",
      },
    ],
  },
  { rule: spfVoidLookups, findings: [{ message: /3 void lookups \(limit 2\): a:gone1\.sender\.example/ }] },
  { rule: spfPermissiveAll, findings: [{ evidence: "+all", severity: undefined }] },
  { rule: spfPermissiveAll, zone: "spf-neutral-all", findings: [{ evidence: "?all", severity: "warning" }] },
  { rule: spfFail, options: () => ({ ips: ["203.0.113.9"] }), cleanOptions: () => ({ ips: [IP] }), findings: [{ evidence: "203.0.113.9", message: /SPF softfail/ }] },
  { rule: spfPtrMechanism, findings: [{ evidence: "ptr" }] },
  { rule: spfIncludeLoop, findings: [{ message: /include:loop\.sender\.example → include:sender\.example/ }] },
  { rule: spfIncludeMissing, findings: [{ evidence: "include:_spf.retired.example" }] },
  { rule: dkimMissing, findings: [{ message: /No DKIM key found for sender\.example \(41 common selectors probed/ }] },
  {
    rule: dkimWeakKey,
    findings: [
      { evidence: "google._domainkey.sender.example", severity: "warning", message: /1024-bit/ },
      { evidence: "k1._domainkey.sender.example", severity: "error", message: /768-bit/ },
    ],
  },
  { rule: dkimTesting, findings: [{ message: /google\._domainkey\.sender\.example has t=y/ }] },
  { rule: dkimRevoked, findings: [{ message: /selector1\._domainkey\.sender\.example is revoked/ }] },
  {
    rule: dkimKeyInvalid,
    findings: [{ message: /selector2\._domainkey.*unknown key type k=dsa/ }, { message: /k1\._domainkey.*not an RSA SubjectPublicKeyInfo/ }],
  },
  {
    rule: dkimSignatureInvalid,
    zone: "good",
    options: async () => ({ message: await signedMessage({ tamper: true }) }),
    cleanOptions: async () => ({ message: await signedMessage() }),
    findings: [{ message: /d=sender\.example s=google does not verify: (fail|neutral)/ }],
  },
  {
    rule: dkimUnsubscribeUnsigned,
    zone: "good",
    options: async () => ({ message: await signedMessage({ listUnsubscribe: true, signedHeaders: ["from", "to", "subject", "date", "message-id"] }) }),
    cleanOptions: async () => ({
      message: await signedMessage({ listUnsubscribe: true, signedHeaders: ["from", "to", "subject", "date", "message-id", "list-unsubscribe", "list-unsubscribe-post"] }),
    }),
    findings: [{ message: /missing: List-Unsubscribe, List-Unsubscribe-Post/ }],
  },
  { rule: dmarcMissing, findings: [{ message: "No DMARC record for sender.example (asked _dmarc.sender.example, _dmarc.example)" }] },
  { rule: dmarcSyntax, findings: [{ message: /p=block/ }, { message: /adkim=x/ }] },
  { rule: dmarcPolicyNone, findings: [{ message: /policy for sender\.example is none/ }] },
  { rule: dmarcRemovedTags, findings: [{ evidence: "pct=50" }, { evidence: "ri=3600" }] },
  { rule: dmarcTesting, findings: [{ evidence: "t=y" }] },
  { rule: dmarcNoRua, findings: [{ message: /no rua=/ }] },
  { rule: dmarcRuaUnauthorised, findings: [{ evidence: "mailto:reports@reports.example" }] },
  {
    rule: dmarcMisaligned,
    options: () => ({ envelopeDomain: "bounces.esp.example" }),
    // relaxed alignment through the tree walk: bounces.sender.example's organisational domain is sender.example
    cleanOptions: () => ({ envelopeDomain: "bounces.sender.example" }),
    findings: [{ evidence: "bounces.esp.example" }],
  },
  {
    rule: dmarcRfc7489Differs,
    options: () => ({ fromDomain: "mail.shop.sender.example" }),
    findings: [{ message: /RFC 9989 receivers use _dmarc\.shop\.sender\.example .*RFC 7489 receivers use _dmarc\.sender\.example/ }],
  },
  { rule: mxMissing, findings: [{ message: /sender\.example has no MX/ }] },
  {
    rule: ptrMissing,
    options: () => ({ ips: [IP, "192.0.2.11"] }),
    cleanOptions: () => ({ ips: [IP, "2001:db8::10"] }),
    findings: [{ evidence: IP, message: /no such name resolves back/ }, { evidence: "192.0.2.11", message: /no PTR/ }],
  },
  { rule: domainNoAddress, findings: [{ message: /no A or AAAA/ }] },
  { rule: dnsTemperror, findings: [{ evidence: "_dmarc.sender.example TXT", message: /SERVFAIL/ }] },
  { rule: ipBlocklisted, options: () => ({ ips: [IP] }), findings: [{ message: /zen\.spamhaus\.org: SBL/ }, { message: /bl\.spamcop\.net/ }] },
  {
    rule: domainBlocklisted,
    options: () => ({ linkDomains: ["badlink.example"] }),
    findings: [{ message: /sender\.example \(the sending domain\) is listed on dbl\.spamhaus\.org/ }, { message: /badlink\.example \(a link domain\).*SURBL ABUSE.*SURBL PH|badlink\.example \(a link domain\).*SURBL PH.*SURBL ABUSE/ }],
  },
  {
    rule: blocklistUnknown,
    options: () => ({ ips: [IP] }),
    findings: [{ message: /zen\.spamhaus\.org gave no verdict on 192\.0\.2\.10: .*public\/open resolver/ }, { message: /dbl\.spamhaus\.org .*IP queries prohibited/ }],
  },
];

const ctx = { data: loadRuleData(), options: {} };

function matches(finding: RawFinding, expected: Case["findings"][number]): void {
  for (const [key, value] of Object.entries(expected)) {
    const actual = finding[key as keyof RawFinding];
    if (value instanceof RegExp) expect(String(actual), key).toMatch(value);
    else expect(actual, key).toEqual(value);
  }
}

describe.each(CASES.map((entry) => [entry.zone ?? entry.rule.id, entry] as const))("%s", (_label, entry) => {
  it(`fires ${entry.rule.id}`, async () => {
    const { facts } = await auditZone(entry.zone ?? entry.rule.id, (await entry.options?.()) ?? {});
    const findings = entry.rule.check(facts, ctx);
    expect(findings).toHaveLength(entry.findings.length);
    findings.forEach((finding, index) => matches(finding, entry.findings[index] ?? {}));
  });

  it(`does not fire ${entry.rule.id} on auth-good`, async () => {
    const options = (await (entry.cleanOptions ?? entry.options)?.()) ?? {};
    const { facts } = await auditZone("good", options);
    expect(entry.rule.check(facts, ctx)).toEqual([]);
  });
});
