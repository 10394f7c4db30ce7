// The system's resolvers, read from /etc/resolv.conf (resolv.conf(5)); node:dns is never used,
// so every lookup goes through our own client, its budget and its log.
import { readFile } from "node:fs/promises";
import type { QueryResult, RecordType, Resolver } from "./resolver.js";
import { parseServerAddress, type ServerAddress } from "./server-address.js";
import { createUdpResolver, type UdpResolverOptions } from "./udp.js";

const RESOLV_CONF = "/etc/resolv.conf";
/** resolv.conf(5): the stub reads at most MAXNS (3) nameserver lines. */
const MAX_NAMESERVERS = 3;
/** resolv.conf(5): "If no nameserver entries are present, the default is to use the local name server." */
const FALLBACK: ServerAddress = { host: "127.0.0.1", port: 53, family: 4 };

export function parseResolvConf(text: string): ServerAddress[] {
  const servers = text
    .split("\n")
    .map((line) => /^\s*nameserver\s+(\S+)/.exec(line)?.[1])
    .flatMap((address) => (address === undefined ? [] : [parseServerAddress(address)]))
    .filter((server): server is ServerAddress => server !== undefined)
    .slice(0, MAX_NAMESERVERS);
  return servers.length > 0 ? servers : [FALLBACK];
}

export async function readSystemNameservers(path = RESOLV_CONF): Promise<ServerAddress[]> {
  try {
    return parseResolvConf(await readFile(path, "utf8"));
  } catch {
    return [FALLBACK];
  }
}

/** A UDP/TCP client on the system's nameservers, read on the first lookup (no file access before DNS is needed). */
export function createSystemResolver(options: Omit<UdpResolverOptions, "servers"> = {}): Resolver {
  let client: Promise<Resolver> | undefined;
  return {
    async query(name: string, type: RecordType, signal?: AbortSignal): Promise<QueryResult> {
      client ??= readSystemNameservers().then((servers) => createUdpResolver({ ...options, servers }));
      return (await client).query(name, type, signal);
    },
  };
}
