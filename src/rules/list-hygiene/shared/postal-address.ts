// Is there a postal address in a text? Street words, P.O. box forms and postcode patterns come from
// rules/postal-address.json. Generous on purpose: a rule that says "missing" must not miss real ones.
import type { RuleData } from "../../data.js";

interface PostalAddressData {
  readonly poBox: readonly string[];
  readonly streetWords: readonly string[];
  readonly streetSuffixes: readonly string[];
  readonly postcodes: readonly { readonly country: string; readonly pattern: string }[];
}

const MAX_SCANNED_CHARS = 500_000;
const compiled = new WeakMap<RuleData, readonly RegExp[]>();

export function hasPostalAddress(text: string, data: RuleData): boolean {
  const sample = text.slice(-MAX_SCANNED_CHARS); // addresses sit in footers
  return patterns(data).some((pattern) => pattern.test(sample));
}

function patterns(data: RuleData): readonly RegExp[] {
  let list = compiled.get(data);
  if (list) return list;
  const postal = data.json<PostalAddressData>("postal-address");
  const words = alternation(postal.streetWords);
  const suffixes = alternation(postal.streetSuffixes);
  const noLetterBefore = "(?<![\\p{L}\\p{N}])";
  const noLetterAfter = "(?![\\p{L}])";
  const between = "(?:[\\p{L}'’.-]+,?\\s+){0,3}";
  list = [
    // "P.O. Box 1234", "Postfach 10 20 30", "а/я 15"
    new RegExp(`${noLetterBefore}(?:${alternation(postal.poBox)})[\\s.:#№]{0,3}\\d`, "iu"),
    // "1600 Amphitheatre Parkway", "10 rue de Rivoli"
    new RegExp(`${noLetterBefore}\\d{1,5}[a-z]?,?\\s+${between}(?:${words})${noLetterAfter}`, "iu"),
    // "Via Roma 12", "Calle Mayor, 5", "ул. Ленина, д. 5"
    new RegExp(`${noLetterBefore}(?:${words})\\s*${between}\\d{1,5}(?!\\p{N})`, "iu"),
    // "Hauptstraße 5", "Kerkstraat 12"
    // starts at a word start and is bounded, so a long run of letters cannot make it quadratic
    new RegExp(`${noLetterBefore}\\p{L}{2,40}(?:${suffixes})\\s+\\d{1,4}(?!\\p{N})`, "iu"),
    ...postal.postcodes.map((postcode) => new RegExp(postcode.pattern, "u")),
  ];
  compiled.set(data, list);
  return list;
}

function alternation(items: readonly string[]): string {
  return [...items]
    .sort((a, b) => b.length - a.length)
    .map((item) => item.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&").replace(/ /g, "\\s*"))
    .join("|");
}
