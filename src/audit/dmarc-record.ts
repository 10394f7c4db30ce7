// DMARC policy records (RFC 9989 §4.7): tags and values. Unknown tags are ignored (§4.7);
// pct, rf and ri were removed by RFC 9989 but RFC 7489 receivers still read them.
import type { AlignmentMode, DmarcPolicy, DmarcRecord, DmarcReportUri } from "./facts.js";
import { parseTagList } from "./dkim-key.js";

/** RFC 9989 §4.10.1 step 2: only records starting with v=DMARC1 count. */
export function isDmarcRecord(txt: string): boolean {
  return /^v\s*=\s*DMARC1\s*(;|$)/.test(txt);
}

const KNOWN_TAGS = new Set(["v", "p", "sp", "np", "psd", "t", "adkim", "aspf", "rua", "ruf", "fo"]);
const REMOVED_TAGS = new Set(["pct", "rf", "ri"]);
const POLICIES: readonly DmarcPolicy[] = ["none", "quarantine", "reject"];

type Problem = { readonly tag: string; readonly message: string };

/** A report URI before its authorisation is known. */
export type ReportUriDraft = Omit<DmarcReportUri, "authorisation" | "external">;

export interface ParsedDmarc extends Omit<DmarcRecord, "rua" | "ruf"> {
  readonly rua: readonly ReportUriDraft[];
  readonly ruf: readonly ReportUriDraft[];
}

export function parseDmarc(text: string): ParsedDmarc {
  const { tags, problems } = parseTagList(text);
  const syntaxErrors: Problem[] = problems.map((message) => ({ tag: "", message }));
  const policy = policyTag(tags, "p", syntaxErrors);
  const subdomainPolicy = policyTag(tags, "sp", syntaxErrors);
  const nonExistentPolicy = policyTag(tags, "np", syntaxErrors);
  const psd = enumTag(tags, "psd", ["y", "n", "u"] as const, syntaxErrors);
  const testing = enumTag(tags, "t", ["y", "n"] as const, syntaxErrors) === "y";
  const adkim: AlignmentMode = enumTag(tags, "adkim", ["r", "s"] as const, syntaxErrors) ?? "r";
  const aspf: AlignmentMode = enumTag(tags, "aspf", ["r", "s"] as const, syntaxErrors) ?? "r";
  const fo = tags.get("fo");
  if (fo !== undefined && !/^[01ds](\s*:\s*[01ds])*$/.test(fo)) syntaxErrors.push({ tag: "fo", message: `fo=${fo}: options are 0, 1, d, s joined by ":"` });
  return {
    text,
    tags: Object.fromEntries(tags),
    ...(policy ? { policy } : {}),
    ...(subdomainPolicy ? { subdomainPolicy } : {}),
    ...(nonExistentPolicy ? { nonExistentPolicy } : {}),
    ...(psd ? { psd } : {}),
    testing,
    adkim,
    aspf,
    rua: reportUris(tags, "rua", syntaxErrors),
    ruf: reportUris(tags, "ruf", syntaxErrors),
    ...(fo !== undefined ? { fo } : {}),
    syntaxErrors,
    removedTags: [...tags].filter(([tag]) => REMOVED_TAGS.has(tag)).map(([tag, value]) => ({ tag, value })),
    unknownTags: [...tags.keys()].filter((tag) => !KNOWN_TAGS.has(tag) && !REMOVED_TAGS.has(tag)),
  };
}

function policyTag(tags: Map<string, string>, tag: string, errors: Problem[]): DmarcPolicy | undefined {
  return enumTag(tags, tag, POLICIES, errors);
}

function enumTag<T extends string>(tags: Map<string, string>, tag: string, allowed: readonly T[], errors: Problem[]): T | undefined {
  const value = tags.get(tag);
  if (value === undefined) return undefined;
  const match = allowed.find((option) => option === value.toLowerCase());
  if (!match) errors.push({ tag, message: `${tag}=${value}: expected ${allowed.join(", ")}` });
  return match;
}

/** rua/ruf: comma-separated URIs (RFC 9989 §4.7); a trailing "!size" from RFC 7489 is tolerated. */
function reportUris(tags: Map<string, string>, tag: string, errors: Problem[]): ReportUriDraft[] {
  const value = tags.get(tag);
  if (value === undefined) return [];
  const uris: ReportUriDraft[] = [];
  for (const raw of value.split(",")) {
    const uri = raw.trim().replace(/![0-9]+[kmgt]?$/i, "");
    const mailto = /^mailto:[^@\s]+@([^@\s?]+)$/i.exec(uri);
    if (mailto) uris.push({ uri, domain: (mailto[1] ?? "").toLowerCase().replace(/\.$/, "") });
    else if (/^[a-z][a-z0-9+.-]*:\S+$/i.test(uri)) uris.push({ uri });
    else errors.push({ tag, message: `${tag}: "${raw.trim()}" is not a URI (mailto:address@domain)` });
  }
  return uris;
}
