// The mailbox providers' sender requirements, item by item, from the audit's facts:
//   Gmail: https://support.google.com/a/answer/81126 (Email sender guidelines, bulk senders since 2024-02)
//   Yahoo: https://senders.yahooinc.com/best-practices/
//   Microsoft (Outlook.com, high-volume senders, 2025-05):
//     https://techcommunity.microsoft.com/blog/microsoftdefenderforoffice365blog/strengthening-email-ecosystem-outlook%E2%80%99s-new-requirements-for-high%E2%80%90volume-senders/4399730
// A lookup that failed leaves an item unknown, never pass; what only the provider sees (spam rate,
// how fast unsubscribes are honoured, the TLS of the sending connection) is not-checkable.
import type { AuthFacts, Provider, Requirement, RequirementStatus } from "./facts.js";
import type { AuditMessage } from "./dkim.js";

type Status = RequirementStatus;
const ALL: readonly Provider[] = ["gmail", "yahoo", "microsoft"];

export function computeRequirements(facts: Omit<AuthFacts, "requirements">, message: AuditMessage | undefined): Requirement[] {
  const spf = spfStatus(facts);
  const dkim = dkimStatus(facts);
  return [
    item("spf-or-dkim", ALL, either(spf.status, dkim.status), `SPF: ${spf.detail}; DKIM: ${dkim.detail}`),
    item("spf-and-dkim", ALL, both(spf.status, dkim.status), `bulk senders (5,000+ a day) need both. SPF: ${spf.detail}; DKIM: ${dkim.detail}`),
    dmarcPublished(facts),
    dmarcAlignment(facts, spf.status),
    reverseDns(facts),
    item("tls", ["gmail", "yahoo"], "not-checkable", "TLS is a property of the sending server's connection, not of the message or DNS"),
    oneClickUnsubscribe(facts, message),
    fromDomainReceivesMail(facts),
    validFrom(message),
    validMessageId(message),
    notBlocklisted(facts),
    item("spam-rate", ["gmail", "yahoo"], "not-checkable", "user-reported spam rate under 0.3% (Gmail Postmaster Tools, Yahoo feedback loop): only the provider sees it"),
    item("unsubscribe-honoured-2-days", ["gmail", "yahoo"], "not-checkable", "unsubscribe requests must be honoured within 2 days: a process, not a message property"),
  ];
}

function item(id: string, providers: readonly Provider[], status: Status, detail: string): Requirement {
  return { id, providers, status, detail };
}

function either(left: Status, right: Status): Status {
  if (left === "pass" || right === "pass") return "pass";
  return left === "unknown" || right === "unknown" ? "unknown" : "fail";
}

function both(left: Status, right: Status): Status {
  if (left === "fail" || right === "fail") return "fail";
  return left === "pass" && right === "pass" ? "pass" : "unknown";
}

function spfStatus(facts: Omit<AuthFacts, "requirements">): { status: Status; detail: string } {
  const { spf } = facts;
  switch (spf.state.status) {
    case "temperror":
      return { status: "unknown", detail: `the SPF lookup for ${spf.domain} failed (${spf.state.rcode})` };
    case "none":
      return { status: "fail", detail: `no SPF record at ${spf.domain}` };
    case "multiple":
      return { status: "fail", detail: `${spf.state.records.length} SPF records at ${spf.domain} (permerror)` };
    case "found":
      break;
  }
  if (spf.syntaxErrors.length > 0 || spf.lookupCount > 10 || spf.loops.length > 0) return { status: "fail", detail: `the SPF record of ${spf.domain} gives permerror` };
  const failing = spf.evaluations.filter((evaluation) => evaluation.result !== "pass");
  if (failing.some((evaluation) => evaluation.result === "temperror")) return { status: "unknown", detail: "SPF evaluation hit a DNS temperror" };
  if (failing.length > 0) return { status: "fail", detail: failing.map((evaluation) => `${evaluation.ip}: ${evaluation.result}`).join(", ") };
  const checked = spf.evaluations.length > 0 ? `, passes for ${spf.evaluations.map((evaluation) => evaluation.ip).join(", ")}` : "";
  return { status: "pass", detail: `record at ${spf.domain}${checked}` };
}

function dkimStatus(facts: Omit<AuthFacts, "requirements">): { status: Status; detail: string } {
  const { dkim } = facts;
  if (dkim.signatures.length > 0) {
    const passing = dkim.signatures.filter((signature) => signature.result === "pass");
    if (passing.length > 0) return { status: "pass", detail: `signature d=${passing[0]?.domain} verifies` };
    if (dkim.signatures.some((signature) => signature.result === "temperror")) return { status: "unknown", detail: "key lookup failed" };
    return { status: "fail", detail: "no DKIM-Signature in the message verifies" };
  }
  const found = dkim.keys.filter((key) => key.state.status === "found");
  if (found.length > 0) return { status: "pass", detail: `key published at ${found.map((key) => key.name).join(", ")}` };
  if (dkim.keys.some((key) => key.state.status === "temperror")) return { status: "unknown", detail: "a key lookup failed" };
  return { status: "fail", detail: `no DKIM key found (selectors: ${dkim.selectors.slice(0, 8).join(", ")}${dkim.selectors.length > 8 ? ", …" : ""})` };
}

function dmarcPublished(facts: Omit<AuthFacts, "requirements">): Requirement {
  const { dmarc } = facts;
  const providers = ALL;
  switch (dmarc.state.status) {
    case "temperror":
      return item("dmarc-published", providers, "unknown", `the lookup of ${dmarc.state.name} failed`);
    case "none":
      return item("dmarc-published", providers, "fail", `no DMARC record for ${dmarc.fromDomain} or its parents`);
    case "multiple":
      return item("dmarc-published", providers, "fail", `several DMARC records at ${dmarc.state.name}: receivers discard them all`);
    case "found": {
      const { record, policyDomain } = dmarc.state;
      if (record.syntaxErrors.length > 0) return item("dmarc-published", providers, "fail", `the record at _dmarc.${policyDomain} has errors`);
      return item("dmarc-published", providers, "pass", `${dmarc.appliedTag ?? "p"}=${dmarc.appliedPolicy ?? "none"} at _dmarc.${policyDomain} (p=none is enough for Gmail and Yahoo)`);
    }
  }
}

function dmarcAlignment(facts: Omit<AuthFacts, "requirements">, spf: Status): Requirement {
  const { alignment } = facts;
  // Only a working SPF set-up counts: a temperror leaves it open, and open is not pass.
  const spfUsable = alignment.spf.aligned && spf === "pass";
  const dkimUsable = alignment.dkim.filter((entry) => entry.aligned && entry.authenticated !== "fail");
  const id = "dmarc-alignment";
  if (spfUsable || dkimUsable.length > 0) {
    const through = [spfUsable ? `SPF (${alignment.spf.domain})` : "", ...dkimUsable.map((entry) => `DKIM d=${entry.domain}`)].filter(Boolean);
    return item(id, ALL, "pass", `From ${alignment.fromDomain} aligns through ${through.join(" and ")}`);
  }
  if (spf === "unknown" || facts.dmarc.state.status === "temperror") return item(id, ALL, "unknown", "a lookup failed");
  return item(id, ALL, "fail", `neither the envelope domain ${alignment.spf.domain} nor a DKIM d= aligns with From ${alignment.fromDomain} and authenticates`);
}

function reverseDns(facts: Omit<AuthFacts, "requirements">): Requirement {
  const id = "ptr-fcrdns";
  const providers: readonly Provider[] = ["gmail", "yahoo"];
  if (facts.ptr.length === 0) return item(id, providers, "unknown", "no --ip given: the sending IPs' reverse DNS was not checked");
  const failing = facts.ptr.filter((entry) => entry.forwardConfirmed === "no");
  if (failing.length > 0) return item(id, providers, "fail", `${failing.map((entry) => entry.ip).join(", ")}: no PTR that resolves back`);
  if (facts.ptr.some((entry) => entry.forwardConfirmed === "unknown")) return item(id, providers, "unknown", "a reverse or forward lookup failed");
  return item(id, providers, "pass", facts.ptr.map((entry) => `${entry.ip} ⇄ ${entry.confirmedName ?? ""}`).join(", "));
}

function headerValues(message: AuditMessage, name: string): string[] {
  return message.headers.filter((header) => header.key.toLowerCase() === name).map((header) => header.value.trim());
}

function oneClickUnsubscribe(facts: Omit<AuthFacts, "requirements">, message: AuditMessage | undefined): Requirement {
  const id = "one-click-unsubscribe";
  const providers: readonly Provider[] = ["gmail", "yahoo"];
  if (!message) return item(id, providers, "unknown", "no message: List-Unsubscribe headers not checked");
  const listUnsubscribe = headerValues(message, "list-unsubscribe").join(",");
  const post = headerValues(message, "list-unsubscribe-post");
  // RFC 8058 §3.1: an https URI in List-Unsubscribe and exactly "List-Unsubscribe=One-Click".
  if (!/<\s*https:\/\//i.test(listUnsubscribe)) return item(id, providers, "fail", "List-Unsubscribe has no https URL (RFC 8058 §3.1)");
  if (!post.some((value) => value === "List-Unsubscribe=One-Click")) return item(id, providers, "fail", "List-Unsubscribe-Post: List-Unsubscribe=One-Click is missing");
  const signatures = facts.dkim.signatures;
  if (signatures.length > 0 && !signatures.some((signature) => signature.coversListUnsubscribe && signature.coversListUnsubscribePost)) {
    return item(id, providers, "fail", "no DKIM signature covers List-Unsubscribe and List-Unsubscribe-Post (RFC 8058 §4)");
  }
  return item(id, providers, "pass", "https List-Unsubscribe with List-Unsubscribe-Post (RFC 8058)");
}

function fromDomainReceivesMail(facts: Omit<AuthFacts, "requirements">): Requirement {
  const id = "from-domain-receives-mail";
  const providers: readonly Provider[] = ["microsoft"];
  const { state, domain } = facts.mx;
  switch (state.status) {
    case "found":
      return item(id, providers, "pass", `${domain} has MX ${state.records.map((record) => record.exchange).join(", ")}`);
    case "temperror":
      return item(id, providers, "unknown", `the MX lookup for ${domain} failed`);
    case "null":
      return item(id, providers, "fail", `${domain} publishes a null MX (RFC 7505): replies cannot be delivered`);
    case "none":
    case "nxdomain":
      return item(id, providers, "fail", `${domain} has no MX: replies and bounces go nowhere`);
  }
}

function validFrom(message: AuditMessage | undefined): Requirement {
  const id = "valid-from";
  if (!message) return item(id, ALL, "unknown", "no message");
  const from = headerValues(message, "from");
  if (from.length !== 1) return item(id, ALL, "fail", `${from.length} From headers (RFC 5322 §3.6 requires exactly one)`);
  if (!/[^\s<@]+@[^\s>@]+\.[^\s>@]+/.test(from[0] ?? "")) return item(id, ALL, "fail", `From "${from[0]}" has no valid address`);
  return item(id, ALL, "pass", "one From header with an address");
}

function validMessageId(message: AuditMessage | undefined): Requirement {
  const id = "valid-message-id";
  const providers: readonly Provider[] = ["gmail"];
  if (!message) return item(id, providers, "unknown", "no message");
  const ids = headerValues(message, "message-id");
  if (ids.length === 0) return item(id, providers, "fail", "no Message-ID (RFC 5322 §3.6.4); make sure the sending server adds one");
  if (ids.length > 1 || !/^<[^<>@\s]+@[^<>@\s]+>$/.test(ids[0] ?? "")) return item(id, providers, "fail", `Message-ID "${ids.join(", ")}" is not one <id@domain>`);
  return item(id, providers, "pass", ids[0] ?? "");
}

function notBlocklisted(facts: Omit<AuthFacts, "requirements">): Requirement {
  const id = "not-blocklisted";
  const answers = [...facts.blocklists.ips, ...facts.blocklists.domains];
  const listed = answers.filter((answer) => answer.status === "listed");
  if (listed.length > 0) return item(id, ALL, "fail", listed.map((answer) => `${answer.target} on ${answer.zone}`).join(", "));
  const unknown = answers.filter((answer) => answer.status === "unknown");
  if (unknown.length > 0) return item(id, ALL, "unknown", unknown.map((answer) => `${answer.target} on ${answer.zone}: ${answer.reason ?? "no answer"}`).join("; "));
  if (facts.blocklists.ips.length === 0) return item(id, ALL, "unknown", "no --ip given: only domains were checked against blocklists");
  return item(id, ALL, "pass", `not listed on ${[...new Set(answers.map((answer) => answer.zone))].join(", ")}`);
}
