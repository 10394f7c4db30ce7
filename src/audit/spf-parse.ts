// Our own RFC 7208 record parser: the grammar of §4.5–§7 and §12, so an audit can name the exact
// term a receiver would reject (permerror) before any mail is sent.
import { isIPv6 } from "node:net";
import type { SpfMechanismName, SpfQualifier, SpfTerm } from "./facts.js";

export interface ParsedSpf {
  readonly terms: readonly SpfTerm[];
  readonly errors: readonly { readonly term: string; readonly message: string }[];
}

/** RFC 7208 §4.5: a record starts with exactly "v=spf1" followed by a space or its end. */
export function isSpfRecord(txt: string): boolean {
  return /^v=spf1(?: |$)/i.test(txt);
}

const MECHANISMS: readonly SpfMechanismName[] = ["all", "include", "a", "mx", "ptr", "ip4", "ip6", "exists"];

/** Terms that cost a DNS lookup against the limit of 10 (RFC 7208 §4.6.4). */
export function countsAsLookup(term: SpfTerm): boolean {
  if (term.kind === "modifier") return term.name === "redirect";
  return term.name === "include" || term.name === "a" || term.name === "mx" || term.name === "ptr" || term.name === "exists";
}

export function parseSpf(record: string): ParsedSpf {
  const terms: SpfTerm[] = [];
  const errors: { term: string; message: string }[] = [];
  // RFC 7208 §3.1 / §4.6.1: records are 7-bit ASCII and terms are separated by SP only.
  const [version, ...rest] = record.split(" ");
  if (version?.toLowerCase() !== "v=spf1") errors.push({ term: version ?? record, message: 'the record must start with "v=spf1"' });
  const seenModifiers = new Set<string>();
  for (const text of rest) {
    if (text === "") continue; // 1*SP between terms
    const parsed = parseTerm(text);
    if ("message" in parsed) {
      errors.push({ term: text, message: parsed.message });
      continue;
    }
    if (parsed.kind === "modifier" && (parsed.name === "redirect" || parsed.name === "exp")) {
      // RFC 7208 §6: redirect and exp each appear at most once.
      if (seenModifiers.has(parsed.name)) errors.push({ term: text, message: `the ${parsed.name}= modifier appears more than once` });
      seenModifiers.add(parsed.name);
    }
    terms.push(parsed);
  }
  return { terms, errors };
}

type TermOrError = SpfTerm | { readonly message: string };

function parseTerm(text: string): TermOrError {
  if (/[^\x21-\x7e]/.test(text)) return { message: "SPF records are 7-bit printable ASCII (RFC 7208 §3.1)" };
  const modifier = /^([a-z][a-z0-9_.-]*)=(.*)$/i.exec(text);
  if (modifier) return parseModifier(text, (modifier[1] ?? "").toLowerCase(), modifier[2] ?? "");
  return parseDirective(text);
}

function parseModifier(text: string, name: string, value: string): TermOrError {
  if (name === "redirect" || name === "exp") {
    const problem = domainSpecProblem(value);
    return problem ? { message: `${name}=: ${problem}` } : { kind: "modifier", text, name, value };
  }
  // RFC 7208 §6: unknown modifiers are ignored, but their value must still be a macro-string.
  const problem = macroStringProblem(value, false);
  return problem ? { message: problem } : { kind: "modifier", text, name, value };
}

function parseDirective(text: string): TermOrError {
  const qualifier: SpfQualifier = "+-~?".includes(text[0] ?? "") ? (text[0] as SpfQualifier) : "+";
  const body = "+-~?".includes(text[0] ?? "") ? text.slice(1) : text;
  const nameMatch = /^[a-z0-9]+/i.exec(body);
  const name = (nameMatch?.[0] ?? "").toLowerCase();
  const mechanism = MECHANISMS.find((known) => known === name);
  if (!mechanism) return { message: `unknown mechanism "${name || body}" (RFC 7208 §5)` };
  const argument = body.slice(name.length);
  const problem = argumentProblem(mechanism, argument);
  if (problem) return { message: problem };
  const value = argument.startsWith(":") ? argument.slice(1) : argument || undefined;
  return { kind: "mechanism", text, qualifier, name: mechanism, ...(value ? { value } : {}) };
}

function argumentProblem(mechanism: SpfMechanismName, argument: string): string | undefined {
  switch (mechanism) {
    case "all":
      return argument ? '"all" takes no argument (RFC 7208 §5.1)' : undefined;
    case "include":
    case "exists":
      if (!argument.startsWith(":")) return `"${mechanism}" needs ":domain" (RFC 7208 §5.2, §5.7)`;
      return domainSpecProblem(argument.slice(1));
    case "ptr":
      if (!argument) return undefined;
      if (!argument.startsWith(":")) return `malformed "ptr" argument "${argument}"`;
      return domainSpecProblem(argument.slice(1));
    case "a":
    case "mx": {
      // a[:domain-spec][dual-cidr-length] (RFC 7208 §5.3, §5.4)
      const cidr = /((?:\/[0-9]+)?(?:\/\/[0-9]+)?)$/.exec(argument)?.[1] ?? "";
      const domainPart = argument.slice(0, argument.length - cidr.length);
      const cidrProblem = dualCidrProblem(cidr);
      if (cidrProblem) return cidrProblem;
      if (!domainPart) return undefined;
      if (!domainPart.startsWith(":")) return `malformed "${mechanism}" argument "${argument}"`;
      return domainSpecProblem(domainPart.slice(1));
    }
    case "ip4": {
      const match = /^:([0-9.]+)(?:\/([0-9]+))?$/.exec(argument);
      if (!match || !isQuadDotted(match[1] ?? "")) return `"ip4" needs a dotted-quad network (RFC 7208 §5.6): "${argument.slice(1)}"`;
      return cidrLengthProblem(match[2], 32);
    }
    case "ip6": {
      const match = /^:([0-9a-f:.]+)(?:\/([0-9]+))?$/i.exec(argument);
      if (!match || !isIPv6(match[1] ?? "")) return `"ip6" needs an IPv6 network (RFC 7208 §5.6): "${argument.slice(1)}"`;
      return cidrLengthProblem(match[2], 128);
    }
  }
}

function dualCidrProblem(cidr: string): string | undefined {
  const match = /^(?:\/([0-9]+))?(?:\/\/([0-9]+))?$/.exec(cidr);
  if (!match) return `malformed CIDR length "${cidr}"`;
  return cidrLengthProblem(match[1], 32) ?? cidrLengthProblem(match[2], 128);
}

/** RFC 7208 §5.6: no leading zeros, within the address length. */
function cidrLengthProblem(length: string | undefined, max: number): string | undefined {
  if (length === undefined) return undefined;
  if (!/^(0|[1-9][0-9]*)$/.test(length) || Number(length) > max) return `invalid CIDR length /${length} (0–${max}, RFC 7208 §5.6)`;
  return undefined;
}

function isQuadDotted(text: string): boolean {
  const octets = text.split(".");
  return octets.length === 4 && octets.every((octet) => /^(0|[1-9][0-9]{0,2})$/.test(octet) && Number(octet) <= 255);
}

/** domain-spec = macro-string domain-end (RFC 7208 §7.1). */
export function domainSpecProblem(spec: string): string | undefined {
  if (!spec) return "empty domain";
  const macroProblem = macroStringProblem(spec, true);
  if (macroProblem) return macroProblem;
  if (/%\{[a-z][0-9]*r?[-.+,/_=]*\}$/i.test(spec)) return undefined; // domain-end = macro-expand
  const withoutDot = spec.endsWith(".") ? spec.slice(0, -1) : spec;
  const lastDot = withoutDot.lastIndexOf(".");
  const topLabel = withoutDot.slice(lastDot + 1);
  // domain-end = "." toplabel ["."]: at least two labels, the last one not all digits.
  if (lastDot <= 0) return `"${spec}" is not a fully qualified domain`;
  if (!/^(?=.*[a-z])[a-z0-9]+$|^[a-z0-9]+-[a-z0-9-]*[a-z0-9]$/i.test(topLabel)) return `"${spec}" does not end in a valid top label`;
  return undefined;
}

/** macro-string (RFC 7208 §7.1); c, r and t are for exp= text only. */
function macroStringProblem(text: string, inDomainSpec: boolean): string | undefined {
  for (let index = 0; index < text.length; index += 1) {
    if (text[index] !== "%") continue;
    const next = text[index + 1];
    if (next === "%" || next === "_" || next === "-") {
      index += 1;
      continue;
    }
    const expand = /^%\{([a-z])([0-9]*)(r?)([-.+,/_=]*)\}/i.exec(text.slice(index));
    if (!expand) return `invalid macro in "${text}" (RFC 7208 §7.1)`;
    const letter = (expand[1] ?? "").toLowerCase();
    if (!"slodiphcrtv".includes(letter)) return `unknown macro letter "%{${expand[1]}}" (RFC 7208 §7.2)`;
    if (inDomainSpec && "crt".includes(letter)) return `macro "%{${expand[1]}}" is only allowed in exp= text (RFC 7208 §7.2)`;
    if (expand[2] && Number(expand[2]) === 0) return `macro transformer 0 in "${expand[0]}" (RFC 7208 §7.3)`;
    index += expand[0].length - 1;
  }
  return undefined;
}

/** The domain-spec expands a macro: its target depends on the message being checked. */
export function hasMacro(spec: string): boolean {
  return spec.includes("%{");
}
