// Paths and small helpers shared by the DNS tests.
import { fileURLToPath } from "node:url";
import { parseServerAddress, type ServerAddress } from "../../src/dns/server-address.js";

export const BASIC_ZONE = fileURLToPath(new URL("../../fixtures/zones/dns-basic.json", import.meta.url));

export function serverAt(address: string): ServerAddress {
  const server = parseServerAddress(address);
  if (server === undefined) throw new Error(`not a server address: ${address}`);
  return server;
}
