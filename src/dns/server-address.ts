// Where a DNS server listens: an IP literal and a port. Host names are refused on purpose:
// resolving the resolver's own name would need a resolver (and node:dns is not used here).
import { isIP } from "node:net";

export interface ServerAddress {
  readonly host: string;
  readonly port: number;
  readonly family: 4 | 6;
}

export const DNS_PORT = 53;

/** "192.0.2.53", "192.0.2.53:5353", "2001:db8::53", "[2001:db8::53]:5353"; undefined when not an IP literal. */
export function parseServerAddress(spec: string): ServerAddress | undefined {
  const text = spec.trim();
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(text);
  const withPort = /^([^:]+):(\d+)$/.exec(text);
  const [host, portText] = bracketed ? [bracketed[1], bracketed[2]] : withPort ? [withPort[1], withPort[2]] : [text, undefined];
  if (host === undefined) return undefined;
  const family = isIP(host);
  const port = portText === undefined ? DNS_PORT : Number(portText);
  if ((family !== 4 && family !== 6) || !Number.isInteger(port) || port < 1 || port > 65535) return undefined;
  return { host, port, family };
}

export function formatServerAddress(server: ServerAddress): string {
  return server.family === 6 ? `[${server.host}]:${server.port}` : `${server.host}:${server.port}`;
}
