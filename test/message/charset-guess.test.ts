import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseMessage } from "../../src/message/parse.js";

// The texts the fixtures under fixtures/charsets/ were written in, each encoded in the charset the
// file name says (and labelled as it says: undeclared, Latin-1, US-ASCII or a name no decoder knows).
const ZH_HANS = "本周特价：所有打印机墨盒一律八折，欢迎来电咨询。我们的仓库位于上海市浦东新区，当天发货，全国包邮。";
const ZH_HANT = "本店週年慶，全館商品免運費，歡迎舊雨新知踴躍訂購。名額有限，請把握機會，我們將以最快的速度為您出貨。";
const JA = "今月のおすすめ商品をご案内いたします。数量限定のため、お早めにお申し込みください。ご不明な点はお気軽にお問い合わせください。";
const KO = "이번 주 특별 할인 행사를 안내해 드립니다. 모든 상품을 반값에 드립니다. 수량이 한정되어 있으니 지금 바로 주문하세요.";
const RU = "Уважаемые коллеги, приглашаем вас на весеннюю конференцию по бухгалтерскому учёту и налогам. Количество мест ограничено, регистрация уже открыта. Стоимость участия указана на сайте.";
const FR = "Les nouveautés de novembre sont arrivées : douze romans, trois livres de cuisine et un atlas illustré.";

async function parseFixture(name: string) {
  return parseMessage(readFileSync(`fixtures/charsets/${name}.eml`), `${name}.eml`);
}

/** The body of an 8bit fixture, as sent. */
function bodyBytes(name: string): Buffer {
  const file = readFileSync(`fixtures/charsets/${name}.eml`);
  return file.subarray(file.indexOf("\r\n\r\n") + 4);
}

const bodyText = (message: Awaited<ReturnType<typeof parseFixture>>) => message.htmlBody?.visibleText ?? message.text?.content ?? "";

describe("parseMessage: text whose label does not fit its bytes is read in a guessed charset", () => {
  it.each([
    ["gb2312-undeclared-8bit", ZH_HANS, "gb18030"],
    ["gbk-labelled-latin1-base64", ZH_HANS, "gb18030"],
    ["big5-undeclared-qp", ZH_HANT, "big5"],
    ["big5-html-labelled-latin1-8bit", ZH_HANT, "big5"],
    ["shift-jis-undeclared-8bit", JA, "shift_jis"],
    ["iso-2022-jp-undeclared-7bit", JA, "iso-2022-jp"],
    ["euc-kr-unknown-label-qp", KO, "euc-kr"],
    ["koi8-r-undeclared-8bit", RU, "koi8-r"],
    ["windows-1251-us-ascii-base64", RU, "windows-1251"],
  ])("%s", async (name, text, charset) => {
    const message = await parseFixture(name);
    expect(bodyText(message)).toContain(text);
    expect(message.mime.map((part) => part.decodedAs)).toEqual([charset]);
  });

  it.each([
    ["clean-gb2312-declared-base64", ZH_HANS],
    ["clean-koi8-r-declared-8bit", RU],
    ["clean-utf8-undeclared-8bit", KO],
    ["clean-latin1-declared-qp", FR],
  ])("%s: a label that fits (or undeclared UTF-8) is read as before", async (name, text) => {
    const message = await parseFixture(name);
    expect(bodyText(message)).toContain(text);
    expect(message.mime.map((part) => part.decodedAs)).toEqual([undefined]);
  });

  it("reads a stray 8-bit byte in undeclared text as windows-1252, not U+FFFD", async () => {
    const message = await parseMessage(Buffer.from("From: a@example.com\r\nSubject: x\r\n\r\nprice \x80 10, caf\xe9\r\n", "latin1"), "m.eml");
    expect(message.text?.content).toBe("price € 10, café\n");
    expect(message.mime[0]?.decodedAs).toBe("windows-1252");
  });

  it("follows an undeclared HTML part's <meta charset> when its bytes are not UTF-8", async () => {
    const koi8 = bodyBytes("clean-koi8-r-declared-8bit");
    const bytes = Buffer.concat([
      Buffer.from('From: a@example.com\r\nSubject: x\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: 8bit\r\n\r\n<html><head><meta http-equiv="Content-Type" content="text/html; charset=koi8-r"></head><body><p>', "latin1"),
      koi8,
      Buffer.from("</p></body></html>\r\n", "latin1"),
    ]);
    const message = await parseMessage(bytes, "m.eml");
    expect(message.htmlBody?.visibleText).toContain(RU);
    expect(message.mime[0]?.decodedAs).toBe("koi8-r");
  });

  it("keeps ASCII-only parts and a mixed multipart's other parts as they were", async () => {
    const boundary = "b";
    const gbBody = bodyBytes("gb2312-undeclared-8bit");
    const bytes = Buffer.concat([
      Buffer.from(`From: a@example.com\r\nSubject: x\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="${boundary}"\r\n\r\n--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nfirst part, plain\r\n--b\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: 8bit\r\n\r\n`, "latin1"),
      gbBody,
      Buffer.from("\r\n--b--\r\n", "latin1"),
    ]);
    const message = await parseMessage(bytes, "m.eml");
    expect(message.mime.map((part) => [part.path, part.decodedAs])).toEqual([["1", undefined], ["2", "gb18030"]]);
    expect(message.text?.content).toContain("first part, plain");
    expect(message.text?.content).toContain(ZH_HANS);
  });

  it("reads a raw 8-bit Subject in the body's charset, or a guess when the body has none", async () => {
    const gb = await parseMessage(readFileSync("fixtures/unencoded-header/fires-raw-gb2312-subject.eml"), "gb.eml");
    expect([gb.subject, gb.header("subject")?.value, gb.header("subject")?.decodedAs]).toEqual(["本周特价：墨盒一律八折", "本周特价：墨盒一律八折", "gb2312"]);
    const ko = await parseMessage(readFileSync("fixtures/unencoded-header/fires-raw-euc-kr-subject-ascii-body.eml"), "ko.eml");
    expect([ko.subject, ko.header("subject")?.decodedAs]).toEqual(["[광고] 이번 주 특별 할인 행사 안내", "euc-kr"]);
    // UTF-8 header text (RFC 6532) and encoded words are read as before, and not marked
    const utf8 = await parseMessage(Buffer.from("From: Zoë <z@example.com>\r\nSubject: =?utf-8?B?Q2Fmw6k=?= ok\r\n\r\nx\r\n"), "m.eml");
    expect([utf8.from?.name, utf8.subject, utf8.headers.map((header) => header.decodedAs)]).toEqual(["Zoë", "Café ok", [undefined, undefined]]);
  });
});
