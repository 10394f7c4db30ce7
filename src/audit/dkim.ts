// DKIM audit: key records for the selectors in use (RFC 6376 §3.6), and verification of the
// message's own DKIM-Signature headers by mailauth through our resolver.
import type { Resolver } from "../dns/resolver.js";
import { isTemporaryFailure } from "../dns/resolver.js";
import { toMailauthResolver } from "../dns/mailauth-adapter.js";
import { loadRuleData } from "../rules/data.js";
import type { DkimFacts, DkimKey, DkimSelectorSource, DkimSignature, DkimVerifyResult } from "./facts.js";
import { parseDkimKey, parseTagList } from "./dkim-key.js";
import { txtStrings } from "./lookup.js";

/** The message, for the checks that read it: raw bytes for verification, headers as parsed. */
export interface AuditMessage {
  readonly raw: Uint8Array;
  readonly headers: readonly { readonly key: string; readonly value: string }[];
}

interface SelectorAtDomain {
  readonly selector: string;
  readonly domain: string;
}

export async function auditDkim(
  resolver: Resolver,
  domain: string,
  selectors: readonly string[],
  message: AuditMessage | undefined,
): Promise<DkimFacts> {
  const signatureHeaders = (message?.headers ?? []).filter((header) => header.key.toLowerCase() === "dkim-signature");
  const signed = signatureHeaders.map((header) => signedSelector(header.value)).filter((entry) => entry !== undefined);
  const source: DkimSelectorSource = selectors.length > 0 ? "option" : signed.length > 0 ? "signature" : "probe";
  const wanted: SelectorAtDomain[] =
    source === "option"
      ? selectors.map((selector) => ({ selector, domain }))
      : source === "signature"
        ? uniqueSelectors(signed)
        : [...loadRuleData().list("dkim-selectors")].map((selector) => ({ selector, domain }));
  const [keys, signatures] = await Promise.all([
    Promise.all(wanted.map((entry) => lookupKey(resolver, entry))),
    message && signatureHeaders.length > 0 ? verifySignatures(resolver, message, signatureHeaders.map((header) => header.value)) : [],
  ]);
  const headerKeys = new Set((message?.headers ?? []).map((header) => header.key.toLowerCase()));
  return {
    domain,
    selectorSource: source,
    selectors: wanted.map((entry) => entry.selector),
    keys: source === "probe" ? keys.filter((key) => key.state.status !== "none") : keys,
    signatures,
    listUnsubscribe: { header: headerKeys.has("list-unsubscribe"), post: headerKeys.has("list-unsubscribe-post") },
  };
}

async function lookupKey(resolver: Resolver, { selector, domain }: SelectorAtDomain): Promise<DkimKey> {
  const name = `${selector}._domainkey.${domain}`;
  const base = { selector, domain, name, testing: false };
  const result = await resolver.query(name, "TXT");
  if (isTemporaryFailure(result)) return { ...base, state: { status: "temperror", rcode: result.rcode } };
  const records = txtStrings(result);
  if (records.length === 0) return { ...base, state: { status: "none" } };
  // RFC 6376 §3.6.2.2: several key records at one name make the key ambiguous.
  if (records.length > 1) return { ...base, state: { status: "invalid", reason: `${records.length} TXT records at ${name}` } };
  const record = records[0] ?? "";
  const parsed = parseDkimKey(record);
  const common = { ...base, record, testing: parsed.testing, ...(parsed.keyType ? { keyType: parsed.keyType } : {}) };
  switch (parsed.status) {
    case "found":
      return { ...common, state: { status: "found" }, bits: parsed.bits, ...(parsed.hashAlgorithms ? { hashAlgorithms: parsed.hashAlgorithms } : {}) };
    case "revoked":
      return { ...common, state: { status: "revoked" } };
    case "invalid":
      return { ...common, state: { status: "invalid", reason: parsed.reason } };
  }
}

/** d= and s= of a DKIM-Signature value (RFC 6376 §3.5). */
function signedSelector(value: string): SelectorAtDomain | undefined {
  const { tags } = parseTagList(value);
  const selector = tags.get("s");
  const domain = tags.get("d");
  return selector && domain ? { selector: selector.toLowerCase(), domain: domain.toLowerCase() } : undefined;
}

function uniqueSelectors(entries: readonly SelectorAtDomain[]): SelectorAtDomain[] {
  const seen = new Map(entries.map((entry) => [`${entry.selector}._domainkey.${entry.domain}`, entry]));
  return [...seen.values()];
}

/** h= of a DKIM-Signature: the signed header names, lower-cased. */
function signedHeaderNames(value: string): string[] {
  const h = parseTagList(value).tags.get("h") ?? "";
  return h
    .split(":")
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
}

const VERIFY_RESULTS: readonly DkimVerifyResult[] = ["pass", "fail", "neutral", "policy", "temperror", "permerror", "none"];

async function verifySignatures(resolver: Resolver, message: AuditMessage, values: readonly string[]): Promise<DkimSignature[]> {
  const { dkimVerify } = await import("mailauth/lib/dkim/verify.js");
  const verified = await dkimVerify(Buffer.from(message.raw), { resolver: toMailauthResolver(resolver) });
  // mailauth reports the signatures in header order, as we read them.
  return verified.results.map((result, index) => {
    const value = values[index] ?? "";
    const ownTags = parseTagList(value).tags;
    const signedHeaders = signedHeaderNames(value);
    const reported = result.status.result === "temperr" ? "temperror" : result.status.result;
    return {
      domain: (result.signingDomain ?? ownTags.get("d") ?? "").toLowerCase(),
      selector: (result.selector ?? ownTags.get("s") ?? "").toLowerCase(),
      ...(result.algo ? { algorithm: result.algo } : {}),
      signedHeaders,
      result: VERIFY_RESULTS.find((known) => known === reported) ?? "permerror",
      ...(result.status.comment ? { reason: result.status.comment } : {}),
      ...(result.modulusLength ? { bits: result.modulusLength } : {}),
      coversListUnsubscribe: signedHeaders.includes("list-unsubscribe"),
      coversListUnsubscribePost: signedHeaders.includes("list-unsubscribe-post"),
    };
  });
}
