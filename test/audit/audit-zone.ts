// Runs the real audit against a fixture zone served by the loopback DNS server, through the real
// DNS client: what `mail-preflight dns` does, with fixtures/zones/auth-<name>.json as the Internet.
import { fileURLToPath } from "node:url";
import { createResolver } from "../../src/dns/index.js";
import type { RunResolver } from "../../src/dns/index.js";
import { runAudit } from "../../src/audit/index.js";
import type { AuditOptions, AuthFacts } from "../../src/audit/index.js";
import { startZoneServer } from "../dns/zone-server.js";
import type { ZoneServer } from "../dns/zone-server.js";

export const SENDER = "sender.example";

export function authZone(name: string): string {
  return fileURLToPath(new URL(`../../fixtures/zones/auth-${name}.json`, import.meta.url));
}

export interface ZoneAudit {
  readonly facts: AuthFacts;
  readonly server: ZoneServer;
  readonly resolver: RunResolver;
}

/** Serve the zone, audit sender.example (or what options say) through it, stop the server. */
export async function auditZone(name: string, options: Partial<Omit<AuditOptions, "resolver">> = {}, timeoutMs = 4000): Promise<ZoneAudit> {
  const server = await startZoneServer({ zones: [authZone(name)] });
  try {
    const resolver = createResolver({ resolver: server.address, timeoutMs, perQueryTimeoutMs: 400, tries: 2 });
    const facts = await runAudit({ domain: SENDER, ...options, resolver });
    return { facts, server, resolver };
  } finally {
    await server.close();
  }
}
