// What the fuzzer feeds a session: random bytes, real messages broken in the ways mail gets broken
// (cut short, headers doubled or reordered, boundaries mangled, charsets and encodings lied about,
// NUL bytes), and generated HTML full of the URL and placeholder forms the rules look for.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { globSync } from "tinyglobby";
import { sampleSpamAssassin } from "../../bench/lib/corpus-files.mjs";

export interface FuzzInput {
  readonly kind: "eml" | "html";
  readonly bytes: Buffer;
}

/** Seed messages: every fixture .eml and every `step`-th SpamAssassin corpus message. */
export function seedMessages(step: number): Buffer[] {
  const fixtures = globSync(["fixtures/**/*.eml"], { expandDirectories: false }).sort();
  const corpus = (sampleSpamAssassin(step) as { path: string }[]).map((entry) => entry.path);
  return [...fixtures, ...corpus].map((path) => readFileSync(path));
}

const CHARSETS = ["utf-8", "iso-8859-1", "windows-1251", "koi8-r", "utf-16", "utf-7", "gb2312", "shift_jis", "x-unknown", "", "\"", "utf-8\u0000"];
const ENCODINGS = ["base64", "quoted-printable", "7bit", "8bit", "binary", "x-uuencode", "bogus", ""];

/** The random numbers a mutation draws (from the fast-check run, so a seed replays it). */
interface Dice {
  nextInt(min: number, max: number): number;
}
type Mutation = (message: string, random: Dice) => string;

const pick = <T>(random: Dice, items: readonly T[]): T => items[random.nextInt(0, items.length - 1)]!;
const headerEnd = (message: string): number => {
  const end = message.search(/\r?\n\r?\n/);
  return end === -1 ? message.length : end;
};
const headerLines = (message: string): string[] => message.slice(0, headerEnd(message)).split(/\r?\n(?![ \t])/);
const withHeaders = (message: string, lines: readonly string[]): string => lines.join("\r\n") + message.slice(headerEnd(message));

const MUTATIONS: readonly Mutation[] = [
  // truncated anywhere: in a header, a boundary, a base64 line, an encoded word
  (message, random) => message.slice(0, random.nextInt(0, message.length)),
  // a header field given twice
  (message, random) => {
    const lines = headerLines(message);
    const line = pick(random, lines);
    lines.splice(random.nextInt(0, lines.length), 0, line);
    return withHeaders(message, lines);
  },
  // header fields reordered
  (message, random) => {
    const lines = headerLines(message);
    const a = random.nextInt(0, lines.length - 1);
    const b = random.nextInt(0, lines.length - 1);
    [lines[a], lines[b]] = [lines[b]!, lines[a]!];
    return withHeaders(message, lines);
  },
  // boundaries broken: one delimiter cut, the closing one removed, or the parameter changed
  (message, random) => {
    const boundary = /boundary="?([^";\r\n]+)"?/i.exec(message)?.[1];
    if (!boundary) return message.replace(/Content-Type:[^\r\n]*/i, 'Content-Type: multipart/mixed; boundary="gone"');
    switch (random.nextInt(0, 2)) {
      case 0:
        return message.replace(`--${boundary}`, `--${boundary.slice(0, -1)}`);
      case 1:
        return message.split(`--${boundary}--`).join("");
      default:
        return message.replace(`boundary="${boundary}"`, `boundary="${boundary}x"`).replace(`boundary=${boundary}`, "boundary=");
    }
  },
  // a charset that lies (or does not exist)
  (message, random) => message.replace(/charset="?[^";\s]*"?/gi, () => `charset=${pick(random, CHARSETS)}`),
  // a transfer encoding that lies
  (message, random) => message.replace(/Content-Transfer-Encoding:[^\r\n]*/gi, () => `Content-Transfer-Encoding: ${pick(random, ENCODINGS)}`),
  // NUL and other control bytes anywhere
  (message, random) => {
    const at = random.nextInt(0, message.length);
    return message.slice(0, at) + pick(random, ["\u0000", "\u0000\u0000\u0000", "\r", "\u001b[31m", "\uffff", "\u0085"]) + message.slice(at);
  },
  // random bytes overwritten
  (message, random) => {
    const chars = [...message.slice(0, 20000)];
    for (let i = 0; i < 8 && chars.length > 0; i++) chars[random.nextInt(0, chars.length - 1)] = String.fromCharCode(random.nextInt(0, 255));
    return chars.join("") + message.slice(20000);
  },
  // broken encoded words and parameters
  (message, random) =>
    message.replace(/^Subject:[^\r\n]*/im, `Subject: ${pick(random, ["=?utf-8?B?!!!?=", "=?x?Q?=ZZ?=", "=?utf-8?Q?", "=?=?=?", "=?utf-8*en?B?w6k=?="])} tail`),
  // a slice of the message repeated (duplicated parts, doubled bodies)
  (message, random) => {
    const start = random.nextInt(0, message.length);
    const end = Math.min(message.length, start + random.nextInt(0, 4000));
    return message.slice(0, end) + message.slice(start, end) + message.slice(end);
  },
];

/** A real message with one to four of the mutations above, bytes kept as bytes (latin1 round trip). */
export function mutatedMessage(seeds: readonly Buffer[]): fc.Arbitrary<FuzzInput> {
  return fc
    .tuple(
      fc.nat({ max: seeds.length - 1 }),
      fc.array(fc.nat({ max: MUTATIONS.length - 1 }), { minLength: 1, maxLength: 4 }),
      fc.array(fc.nat(), { minLength: 32, maxLength: 32 }),
    )
    .map(([seedIndex, mutations, numbers]) => {
      let next = 0;
      const dice: Dice = { nextInt: (min, max) => min + (numbers[next++ % numbers.length]! % (max - min + 1)) };
      let message = seeds[seedIndex]!.toString("latin1");
      for (const index of mutations) message = MUTATIONS[index]!(message, dice);
      return { kind: "eml" as const, bytes: Buffer.from(message, "latin1") };
    });
}

/** Arbitrary bytes, as a message or as a template. */
export const randomBytes: fc.Arbitrary<FuzzInput> = fc
  .tuple(fc.constantFrom("eml" as const, "html" as const), fc.uint8Array({ maxLength: 4096 }))
  .map(([kind, bytes]) => ({ kind, bytes: Buffer.from(bytes) }));

const URLS = fc.constantFrom(
  "https://example.com/path?q=1",
  "http://192.168.0.1/x",
  "http://0x7f.1/",
  "http://2130706433/",
  "http://[::1]/",
  "http://www.bank.com@198.51.100.7/login",
  "//cdn.example.net/a.png",
  "www.example.org",
  "javascript:alert(1)",
  "data:text/html;base64,PHNjcmlwdD4=",
  "mailto:a@example.com?subject=unsubscribe",
  "file:///etc/passwd",
  "/etc/passwd",
  "cid:logo@x",
  "https://bit.ly/3xYz",
  "http://%31%32%37.0.0.1/",
  "https://xn--80ak6aa92e.com/",
  "{{unsubscribe_url}}",
  "*|UNSUB|*",
  "%%link%%",
  "${url}",
  "",
  "http://",
  "https://a..b/",
  "http://[",
);
const TEXT = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom("Unsubscribe", "Désabonnement", "Отписаться", "FREE!!! ACT NOW", "&nbsp;&amp;&#x41;&#99999999;&bogus", "{{first_name}}", "www.example.com", "https://paypal.com"),
);
const TAGS = ["a", "img", "div", "table", "tr", "td", "p", "span", "font", "center", "style", "script", "iframe", "form", "link", "area", "map", "body", "html", "head", "title", "br"];
const ATTRIBUTES = ["href", "src", "style", "alt", "width", "height", "class", "background", "action", "color", "hidden", "onclick"];

type HtmlTree = { tag: string; attributes: [string, string][]; children: (HtmlTree | string)[]; closed: boolean };

const attribute = fc.tuple(fc.constantFrom(...ATTRIBUTES), fc.oneof(URLS, TEXT, fc.constantFrom("display:none", "font-size:0", "color:#fff;background:#fff", "url(http://127.0.0.1/x)", "100", "0")));
const { tree } = fc.letrec<{ tree: HtmlTree; node: HtmlTree | string }>((tie) => ({
  tree: fc.record({
    tag: fc.constantFrom(...TAGS),
    attributes: fc.array(attribute, { maxLength: 4 }),
    children: fc.array(tie("node"), { maxLength: 5, depthIdentifier: "html" }),
    closed: fc.boolean(),
  }),
  node: fc.oneof({ depthSize: "small", withCrossShrink: true, depthIdentifier: "html" }, TEXT, tie("tree")),
}));

function render(node: HtmlTree | string): string {
  if (typeof node === "string") return node;
  const attributes = node.attributes.map(([name, value]) => ` ${name}="${value.replace(/"/g, "&quot;")}"`).join("");
  return `<${node.tag}${attributes}>${node.children.map(render).join("")}${node.closed ? `</${node.tag}>` : ""}`;
}

/** Generated HTML: as a template, or inside a message with a random charset and transfer encoding. */
export const generatedHtml: fc.Arbitrary<FuzzInput> = fc
  .tuple(fc.array(tree, { minLength: 1, maxLength: 6 }), fc.constantFrom("template", "base64", "quoted-printable", "8bit"), fc.constantFrom(...CHARSETS))
  .map(([trees, wrapping, charset]) => {
    const html = trees.map(render).join("\n");
    if (wrapping === "template") return { kind: "html" as const, bytes: Buffer.from(html) };
    const body = wrapping === "base64" ? Buffer.from(html).toString("base64").replace(/.{76}/g, "$&\r\n") : wrapping === "quoted-printable" ? html.replace(/=/g, "=3D") : html;
    const head = `From: Fuzz <fuzz@example.com>\r\nSubject: fuzz\r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset=${charset}\r\nContent-Transfer-Encoding: ${wrapping}\r\n\r\n`;
    return { kind: "eml" as const, bytes: Buffer.from(head + body) };
  });
