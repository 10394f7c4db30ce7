import { describe, expect, it } from "vitest";
import { parseMessage } from "../../src/message/parse.js";
import { findDirectives } from "../../src/report/inline-disables.js";

async function directivesIn(html: string) {
  const message = await parseMessage(Buffer.from(html), "template.html", { kind: "html", subject: "Hello", from: "News <news@example.com>" });
  return findDirectives(message).map(({ text, ids, nextLine, location }) => ({ text, ids, nextLine, line: location.line }));
}

describe("inline disable directives", () => {
  it("reads whole-message and next-line directives with their ids, reason and lines", async () => {
    const html = [
      "<html><body>",
      "<!-- mail-preflight-disable numeric-ip-link, url-shortener -- legacy tracking -->",
      "<!-- mail-preflight-disable-next-line spam-phrases -->",
      "<p>FREE!!!</p>",
      "<!-- an ordinary comment -->",
      "</body></html>",
    ].join("\n");
    expect(await directivesIn(html)).toEqual([
      { text: "<!-- mail-preflight-disable numeric-ip-link, url-shortener -- legacy tracking -->", ids: ["numeric-ip-link", "url-shortener"], nextLine: undefined, line: 2 },
      { text: "<!-- mail-preflight-disable-next-line spam-phrases -->", ids: ["spam-phrases"], nextLine: 4, line: 3 },
    ]);
  });

  it("does not take a longer word for the directive, and a multi-line directive applies after its end", async () => {
    const html = "<!-- mail-preflight-disabled x -->\n<!-- mail-preflight-disable-next-line\n  url-shortener -->\n<a href=\"https://bit.ly/x\">x</a>";
    expect(await directivesIn(html)).toEqual([{ text: "<!-- mail-preflight-disable-next-line\n  url-shortener -->", ids: ["url-shortener"], nextLine: 4, line: 2 }]);
  });

  it("a directive left unclosed is no directive, and neither is any after it (nothing can close them)", async () => {
    const html = "<!-- mail-preflight-disable url-shortener -->\n<!-- mail-preflight-disable spam-phrases\n<!-- mail-preflight-disable numeric-ip-link";
    expect((await directivesIn(html)).map((d) => d.ids)).toEqual([["url-shortener"]]);
  });

  it("an unclosed directive swallows the next one up to the first -->, as an HTML comment does", async () => {
    const html = "<!-- mail-preflight-disable url-shortener\n<!-- mail-preflight-disable spam-phrases -->";
    expect((await directivesIn(html)).map((d) => d.ids)).toEqual([["url-shortener", "<!--", "mail-preflight-disable", "spam-phrases"]]);
  });
});
