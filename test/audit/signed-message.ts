// Test messages from sender.example, DKIM-signed with the test key published in the auth-* zones.
import { dkimSign } from "mailauth/lib/dkim/sign.js";
import { parseMessage } from "../../src/message/parse.js";
import type { AuditMessage } from "../../src/audit/index.js";
import { SIGNING_KEY } from "./signing-key.js";

export interface MessageSpec {
  /** The signer's h= list; default: mailauth's own (which leaves List-Unsubscribe* out). */
  readonly signedHeaders?: readonly string[];
  /** Change the body after signing, as a footer-adding relay would. */
  readonly tamper?: boolean;
  readonly listUnsubscribe?: boolean;
  readonly returnPath?: string;
}

export async function signedMessage(spec: MessageSpec = {}): Promise<AuditMessage> {
  const headers = [
    ...(spec.returnPath ? [`Return-Path: <${spec.returnPath}>`] : []),
    "From: News <news@sender.example>",
    "To: reader@example.net",
    "Subject: Our news",
    "Date: Mon, 01 Jun 2026 10:00:00 +0000",
    "Message-ID: <1@sender.example>",
    ...(spec.listUnsubscribe
      ? ["List-Unsubscribe: <https://sender.example/u/1>, <mailto:u@sender.example>", "List-Unsubscribe-Post: List-Unsubscribe=One-Click"]
      : []),
    "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=utf-8",
  ];
  const body = "Hello,\r\nthis is our news.\r\n";
  const unsigned = `${headers.join("\r\n")}\r\n\r\n${body}`;
  const signer = { signingDomain: "sender.example", selector: "google", privateKey: SIGNING_KEY };
  const { signatures, errors } = await dkimSign(unsigned, {
    ...signer,
    signatureData: [signer],
    canonicalization: "relaxed/relaxed",
    ...(spec.signedHeaders ? { headerList: [...spec.signedHeaders] } : {}),
  });
  if (!signatures) throw new Error(`test message not signed: ${JSON.stringify(errors)}`);
  const raw = Buffer.from(signatures + unsigned + (spec.tamper ? "Sent by a relay that adds footers.\r\n" : ""));
  const model = await parseMessage(raw, "signed.eml");
  return { raw, headers: model.headers };
}
