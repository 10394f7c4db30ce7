import type { MessageRule } from "../types.js";
import { headerLocation } from "./shared/header-location.js";

// RFC 5322 §3.3 date-time: [day ","] day month year hour ":" minute [":" second] zone, with the obsolete
// forms of §4.3 (two-digit years, named zones) accepted as receivers accept them. Anything else is how
// spamware dates mail (SpamAssassin INVALID_DATE).
const DATE_TIME =
  /^(?:(?:mon|tue|wed|thu|fri|sat|sun)\s*,\s*)?(\d{1,2})\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\s+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|ut|gmt|[ecmp][sd]t|[a-ik-z])$/i;
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

export const invalidDate: MessageRule = {
  id: "invalid-date",
  kind: "message",
  check(message) {
    const header = message.header("date");
    if (!header) return [];
    const value = header.value.trim();
    const problem = dateProblem(value);
    return problem ? [{ message: `Date header "${value}" ${problem}.`, evidence: value, location: headerLocation(message, "Date") }] : [];
  },
};

function dateProblem(value: string): string | undefined {
  // comments such as "(PDT)" are folding white space to RFC 5322; drop them (bounded, no nesting)
  const bare = value.replace(/\([^()]{0,100}\)/g, " ").replace(/\s+/g, " ").trim();
  const match = DATE_TIME.exec(bare);
  if (!match) return "is not an RFC 5322 date-time";
  const [, day, month, year, hour, minute, second, zone] = match;
  // §4.3: a two-digit year under 50 is 20xx, any other two- or three-digit year is 1900 + it
  const fullYear = year!.length === 4 ? Number(year) : Number(year) + (year!.length === 2 && Number(year) < 50 ? 2000 : 1900);
  // §3.3: "the year is any numeric year 1900 or later"; "0102" is 2002 printed as years since 1900 with
  // four digits, a ratware bug (SpamAssassin INVALID_DATE reads it as invalid too)
  if (fullYear < 1900) return `has a year before 1900 (${year})`;
  const monthIndex = MONTHS.indexOf(month!.toLowerCase());
  const date = new Date(Date.UTC(fullYear, monthIndex, Number(day)));
  if (date.getUTCDate() !== Number(day)) return `names a day that does not exist (${day} ${month})`;
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second ?? 0) > 60) return "has an impossible time of day";
  if (/^[+-]\d{4}$/.test(zone!) && (Number(zone!.slice(1, 3)) > 14 || Number(zone!.slice(3)) > 59)) return `has an impossible time zone (${zone})`;
  return undefined;
}
