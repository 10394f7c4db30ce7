// RFC 5322 §3.3 date-time: [day ","] day month year hour ":" minute [":" second] zone, with the obsolete
// forms of §4.3 (two-digit years, named zones) accepted as receivers accept them.
const DATE_TIME =
  /^(?:(?:mon|tue|wed|thu|fri|sat|sun)\s*,\s*)?(\d{1,2})\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\s+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|ut|gmt|[ecmp][sd]t|[a-ik-z])$/i;
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
// §4.3: the US zones in hours from UTC; UT, GMT and the military letters (whose sign was defined the
// wrong way round in RFC 822) count as +0000.
const NAMED_ZONE_HOURS: Readonly<Record<string, number>> = { est: -5, edt: -4, cst: -6, cdt: -5, mst: -7, mdt: -6, pst: -8, pdt: -7 };

/** The fields of a Date header value as written, before any check that they make sense. */
export interface DateTimeFields {
  /** The year as written ("02", "2002", "0102"). */
  readonly year: string;
  /** §4.3: a two-digit year under 50 is 20xx, any other two- or three-digit year is 1900 + it. */
  readonly fullYear: number;
  /** The month's name as written ("Feb"). */
  readonly month: string;
  readonly monthIndex: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  /** The zone as written: "+0200", "GMT", "PDT". */
  readonly zone: string;
  /** The zone's offset from UTC in minutes, as written even when out of range ("-1600" is -960). */
  readonly offsetMinutes: number;
}

/** The fields of an RFC 5322 date-time (comments dropped), or undefined when it is not of that form. */
export function readDateTime(value: string): DateTimeFields | undefined {
  // comments such as "(PDT)" are folding white space to RFC 5322; drop them (bounded, no nesting)
  const bare = value.replace(/\([^()]{0,100}\)/g, " ").replace(/\s+/g, " ").trim();
  const match = DATE_TIME.exec(bare);
  if (!match) return undefined;
  const [, day, month, year, hour, minute, second, zone] = match;
  const fullYear = year!.length === 4 ? Number(year) : Number(year) + (year!.length === 2 && Number(year) < 50 ? 2000 : 1900);
  return {
    year: year!,
    fullYear,
    month: month!,
    monthIndex: MONTHS.indexOf(month!.toLowerCase()),
    day: Number(day),
    hour: Number(hour),
    minute: Number(minute),
    second: Number(second ?? 0),
    zone: zone!,
    offsetMinutes: offsetOf(zone!),
  };
}

/** The instant the fields name, in milliseconds since 1970 (UTC), taking the fields as written. */
export function instantOf(fields: DateTimeFields): number {
  const utc = new Date(0);
  utc.setUTCFullYear(fields.fullYear, fields.monthIndex, fields.day);
  utc.setUTCHours(fields.hour, fields.minute, fields.second, 0);
  return utc.getTime() - fields.offsetMinutes * 60_000;
}

function offsetOf(zone: string): number {
  if (/^[+-]\d{4}$/.test(zone)) {
    const minutes = Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3));
    return zone.startsWith("-") ? -minutes : minutes;
  }
  return (NAMED_ZONE_HOURS[zone.toLowerCase()] ?? 0) * 60;
}
