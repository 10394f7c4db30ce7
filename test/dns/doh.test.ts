import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import * as dnsPacket from "dns-packet";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createDohResolver } from "../../src/dns/doh.js";
import { createResolver, ResolverSpecError } from "../../src/dns/index.js";
import type { RecordType } from "../../src/dns/resolver.js";
import { BASIC_ZONE } from "./fixtures.js";
import { encodeResponse, loadZone, mergeZones } from "./zone.js";

// A loopback RFC 8484 endpoint answering from the test zone; `behaviour` makes it misbehave.
const zone = mergeZones([loadZone(BASIC_ZONE)]);
let behaviour: "answer" | "http-500" | "other-question" | "hang" = "answer";
const requests: { method?: string; contentType?: string; accept?: string; id: number }[] = [];
let server: Server;
let endpoint: string;

async function answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const query = dnsPacket.decode(Buffer.concat(chunks));
  requests.push({ method: request.method, contentType: request.headers["content-type"], accept: request.headers.accept, id: query.id ?? -1 });
  const question = query.questions?.[0];
  if (behaviour === "hang" || question === undefined) return;
  if (behaviour === "http-500") {
    response.writeHead(500).end();
    return;
  }
  const name = behaviour === "other-question" ? "forged.example.com" : question.name;
  response.writeHead(200, { "content-type": "application/dns-message" });
  response.end(encodeResponse(zone, { id: query.id ?? 0, name, type: question.type as RecordType }));
}

beforeAll(async () => {
  server = createServer((request, response) => void answer(request, response));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/dns-query`;
});
afterEach(() => {
  behaviour = "answer";
  requests.length = 0;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("DNS over HTTPS (RFC 8484)", () => {
  it("POSTs the DNS message with id 0 and reads the answer", async () => {
    const resolver = createResolver({ resolver: endpoint, allowPlainHttpOnLoopback: true });
    expect(await resolver.query("example.com", "TXT")).toMatchObject({ rcode: "NOERROR", answers: [{ data: "v=spf1 ip4:192.0.2.0/24 -all" }, {}] });
    expect(requests).toEqual([{ method: "POST", contentType: "application/dns-message", accept: "application/dns-message", id: 0 }]);
  });

  it("keeps NXDOMAIN, NODATA and CNAME chains as over UDP", async () => {
    const resolver = createResolver({ resolver: endpoint, allowPlainHttpOnLoopback: true });
    expect((await resolver.query("nowhere.example.com", "A")).rcode).toBe("NXDOMAIN");
    expect(await resolver.query("a-only.example.com", "MX")).toEqual({ rcode: "NOERROR", answers: [] });
    expect((await resolver.query("alias.example.com", "A")).answers[0]?.data).toBe("192.0.2.1");
  });

  it("carries a TXT answer far over any UDP size", async () => {
    const resolver = createResolver({ resolver: endpoint, allowPlainHttpOnLoopback: true });
    expect((await resolver.query("huge.example.com", "TXT")).answers[0]?.data).toHaveLength(2918);
  });

  it("reports an HTTP error as ERROR, after its tries", async () => {
    behaviour = "http-500";
    const resolver = createDohResolver({ url: endpoint, allowPlainHttpOnLoopback: true });
    expect(await resolver.query("example.com", "A")).toMatchObject({ rcode: "ERROR", reason: expect.stringMatching(/HTTP 500/) });
    expect(requests).toHaveLength(2);
  });

  it("refuses an answer to another question", async () => {
    behaviour = "other-question";
    const resolver = createDohResolver({ url: endpoint, allowPlainHttpOnLoopback: true, tries: 1 });
    expect((await resolver.query("example.com", "A")).rcode).toBe("ERROR");
  });

  it("times out a server that never answers", async () => {
    behaviour = "hang";
    const resolver = createDohResolver({ url: endpoint, allowPlainHttpOnLoopback: true, perQueryTimeoutMs: 200, tries: 1 });
    expect((await resolver.query("example.com", "A")).rcode).toBe("TIMEOUT");
  });

  it("takes plain http only when told to, and only on loopback", () => {
    expect(() => createResolver({ resolver: endpoint })).toThrow(ResolverSpecError);
    expect(() => createResolver({ resolver: "http://192.0.2.1/dns-query", allowPlainHttpOnLoopback: true })).toThrow(/https/);
    expect(() => createResolver({ resolver: "https://dns.example/dns-query" })).not.toThrow();
  });
});
