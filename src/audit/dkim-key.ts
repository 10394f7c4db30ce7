// DKIM key records (RFC 6376 §3.6.1, ed25519 by RFC 8463): tag list, key type, key size.
import { createPublicKey } from "node:crypto";

export type ParsedKey =
  | { readonly status: "found"; readonly keyType: string; readonly bits: number; readonly testing: boolean; readonly hashAlgorithms?: readonly string[] }
  | { readonly status: "revoked"; readonly keyType: string; readonly testing: boolean }
  | { readonly status: "invalid"; readonly reason: string; readonly keyType?: string; readonly testing: boolean };

/** tag-list (RFC 6376 §3.2): "tag=value" pairs separated by ";", whitespace around them ignored. */
export function parseTagList(text: string): { tags: Map<string, string>; problems: string[] } {
  const tags = new Map<string, string>();
  const problems: string[] = [];
  for (const part of text.split(";")) {
    const spec = part.trim();
    if (!spec) continue;
    const equals = spec.indexOf("=");
    if (equals <= 0) {
      problems.push(`"${spec}" is not tag=value`);
      continue;
    }
    const tag = spec.slice(0, equals).trim();
    if (tags.has(tag)) problems.push(`tag ${tag}= appears twice`);
    else tags.set(tag, spec.slice(equals + 1).trim());
  }
  return { tags, problems };
}

export function parseDkimKey(record: string): ParsedKey {
  const { tags, problems } = parseTagList(record);
  const keyType = (tags.get("k") ?? "rsa").toLowerCase();
  const testing = (tags.get("t") ?? "").split(":").some((flag) => flag.trim().toLowerCase() === "y");
  const version = tags.get("v");
  // RFC 6376 §3.6.1: v=, if present, must be DKIM1 and the first tag.
  if (version !== undefined && (version !== "DKIM1" || [...tags.keys()][0] !== "v")) {
    return { status: "invalid", reason: `v=${version} (must be "DKIM1", first)`, keyType, testing };
  }
  if (problems.length > 0) return { status: "invalid", reason: problems.join("; "), keyType, testing };
  const publicKey = tags.get("p");
  if (publicKey === undefined) return { status: "invalid", reason: "no p= tag", keyType, testing };
  const base64 = publicKey.replace(/\s+/g, "");
  if (base64 === "") return { status: "revoked", keyType, testing };
  const hashAlgorithms = tags.get("h")?.split(":").map((name) => name.trim().toLowerCase());
  const bits = keyBits(keyType, base64);
  if (typeof bits === "string") return { status: "invalid", reason: bits, keyType, testing };
  return { status: "found", keyType, bits, testing, ...(hashAlgorithms ? { hashAlgorithms } : {}) };
}

/** Key size in bits, or why the key is unusable. */
function keyBits(keyType: string, base64: string): number | string {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) return "p= is not base64";
  const der = Buffer.from(base64, "base64");
  if (keyType === "ed25519") {
    // RFC 8463 §4.2: the raw 32-byte public key, not an SPKI structure.
    return der.length === 32 ? 256 : `ed25519 key is ${der.length} bytes, not 32 (RFC 8463 §4.2)`;
  }
  if (keyType !== "rsa") return `unknown key type k=${keyType}`;
  try {
    const key = createPublicKey({ key: der, format: "der", type: "spki" });
    return key.asymmetricKeyDetails?.modulusLength ?? "RSA key without a modulus";
  } catch {
    return "p= is not an RSA SubjectPublicKeyInfo (RFC 6376 §3.6.1)";
  }
}
