import type { MessageRule } from "../types.js";
import { headerLocation } from "./shared/header-location.js";
import { readDateTime } from "./shared/date-time.js";

// A Date header that is not an RFC 5322 §3.3 date-time (obsolete forms of §4.3 accepted, as receivers
// accept them), or one that names no real moment, is how spamware dates mail (SpamAssassin INVALID_DATE).

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
  const fields = readDateTime(value);
  if (!fields) return "is not an RFC 5322 date-time";
  const { year, fullYear, month, monthIndex, day, hour, minute, second, zone } = fields;
  // §3.3: "the year is any numeric year 1900 or later"; "0102" is 2002 printed as years since 1900 with
  // four digits, a ratware bug (SpamAssassin INVALID_DATE reads it as invalid too)
  if (fullYear < 1900) return `has a year before 1900 (${year})`;
  const date = new Date(Date.UTC(fullYear, monthIndex, day));
  if (date.getUTCDate() !== day) return `names a day that does not exist (${day} ${month})`;
  if (hour > 23 || minute > 59 || second > 60) return "has an impossible time of day";
  if (/^[+-]\d{4}$/.test(zone) && (Number(zone.slice(1, 3)) > 14 || Number(zone.slice(3)) > 59)) return `has an impossible time zone (${zone})`;
  return undefined;
}
