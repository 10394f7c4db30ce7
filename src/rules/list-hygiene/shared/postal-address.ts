// Is there a postal address in a text? Street words, P.O. box forms and postcode patterns come from
// rules/postal-address.json. Generous on purpose: a rule that says "missing" must not miss real ones.
import type { RuleData } from "../../data.js";

interface PostalAddressData {
  readonly poBox: readonly string[];
  readonly streetWords: readonly string[];
  readonly streetSuffixes: readonly string[];
  readonly postcodes: readonly { readonly country: string; readonly pattern: string }[];
  /** Chinese, Japanese and Korean address shapes, by language (no spaces, no street word before the number). */
  readonly addressPatterns?: Readonly<Record<string, readonly { readonly shape: string; readonly pattern: string }[]>>;
}

interface PostalPatterns {
  /** Street and P.O. box forms, in lower case, for the lower-cased text. */
  readonly words: readonly RegExp[];
  /** Postcode patterns and the CJK address shapes from the data, case-sensitive. */
  readonly postcodes: readonly RegExp[];
}

const MAX_SCANNED_CHARS = 500_000;
const compiled = new WeakMap<RuleData, PostalPatterns>();

export function hasPostalAddress(text: string, data: RuleData): boolean {
  const sample = text.slice(-MAX_SCANNED_CHARS); // addresses sit in footers
  const { words, postcodes } = patterns(data);
  if (postcodes.some((pattern) => pattern.test(sample))) return true;
  const lowerCase = sample.toLowerCase();
  return words.some((pattern) => pattern.test(lowerCase));
}

// The street patterns match lower-cased text without the i flag: under "iu" V8 builds the case closure of
// every class holding \p{L} when it compiles the pattern (9 ms each for the two with `between`, at the
// first message of every run), and \p{L} is closed under case anyway.
function patterns(data: RuleData): PostalPatterns {
  let built = compiled.get(data);
  if (built) return built;
  const postal = data.json<PostalAddressData>("postal-address");
  const words = alternation(postal.streetWords);
  const suffixes = alternation(postal.streetSuffixes);
  const noLetterBefore = "(?<![\\p{L}\\p{N}])";
  const noLetterAfter = "(?![\\p{L}])";
  const between = "(?:[\\p{L}'’.-]+,?\\s+){0,3}";
  built = {
    words: [
      // "P.O. Box 1234", "Postfach 10 20 30", "а/я 15"
      new RegExp(`${noLetterBefore}(?:${alternation(postal.poBox)})[\\s.:#№]{0,3}\\d`, "u"),
      // "1600 Amphitheatre Parkway", "10 rue de Rivoli"
      new RegExp(`${noLetterBefore}\\d{1,5}[a-z]?,?\\s+${between}(?:${words})${noLetterAfter}`, "u"),
      // "Via Roma 12", "Calle Mayor, 5", "ул. Ленина, д. 5"
      new RegExp(`${noLetterBefore}(?:${words})\\s*${between}\\d{1,5}(?!\\p{N})`, "u"),
      // "Hauptstraße 5", "Kerkstraat 12"
      // starts at a word start and is bounded, so a long run of letters cannot make it quadratic
      new RegExp(`${noLetterBefore}\\p{L}{2,40}(?:${suffixes})\\s+\\d{1,4}(?!\\p{N})`, "u"),
    ],
    postcodes: [...postal.postcodes, ...Object.values(postal.addressPatterns ?? {}).flat()].map((entry) => new RegExp(entry.pattern, "u")),
  };
  compiled.set(data, built);
  return built;
}

function alternation(items: readonly string[]): string {
  return [...items]
    .sort((a, b) => b.length - a.length)
    .map((item) => item.toLowerCase().replace(/[.*+?^${}()|[\]\\/]/g, "\\$&").replace(/ /g, "\\s*"))
    .join("|");
}
