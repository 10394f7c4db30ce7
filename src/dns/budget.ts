// One run's view of the DNS: every question goes on the wire at most once, at most `maxInFlight`
// at a time, and the whole run shares one time budget. Past the budget every pending and new lookup
// ends at once as TIMEOUT, so a dead resolver can slow a run down but never hang it.
import { normaliseDomain } from "../domain/index.js";
import type { QueryResult, Rcode, RecordType, Resolver } from "./resolver.js";
import { DEFAULT_LIMITS } from "../limits.js";

export const DEFAULT_BUDGET_MS = 10_000;
const DEFAULT_MAX_IN_FLIGHT = 32;

/** One question that went to the upstream resolver. */
export interface QueryLogEntry {
  readonly name: string;
  readonly type: RecordType;
  readonly rcode: Rcode;
  /** How long the answer took, in milliseconds. */
  readonly ms: number;
  /** When it was asked, in milliseconds since the run's first lookup. */
  readonly startedAt: number;
}

export interface ResolverStats {
  /** Questions passed to the upstream resolver (each distinct name and type at most once). */
  readonly asked: number;
  /** Lookups answered from an earlier, finished question. */
  readonly cacheHits: number;
  /** Lookups that joined an identical question still on the wire. */
  readonly joinedInFlight: number;
  /** Lookups never asked because the budget was spent first. */
  readonly skipped: number;
  /** Lookups never asked because the run had already asked maxQueries questions. */
  readonly overQueryLimit: number;
  readonly maxQueries: number;
  readonly peakInFlight: number;
  readonly budgetMs: number;
  /** Milliseconds since the first lookup (0 before it). */
  readonly elapsedMs: number;
  readonly budgetSpent: boolean;
}

export interface RunResolver extends Resolver {
  log(): readonly QueryLogEntry[];
  stats(): ResolverStats;
}

export interface BudgetOptions {
  /** The whole run's DNS budget (`--timeout`); the clock starts at the first lookup. */
  readonly timeoutMs?: number;
  readonly maxInFlight?: number;
  /** Questions the whole run may send (limits.maxDnsQueries); past it a new question ends as temperror unasked. */
  readonly maxQueries?: number;
}

export function createBudgetedResolver(upstream: Resolver, options: BudgetOptions = {}): RunResolver {
  const budgetMs = options.timeoutMs ?? DEFAULT_BUDGET_MS;
  const maxInFlight = options.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT;
  const maxQueries = options.maxQueries ?? DEFAULT_LIMITS.maxDnsQueries;
  const budget = new AbortController();
  const spent = (): QueryResult => ({ rcode: "TIMEOUT", answers: [], reason: `DNS budget of ${budgetMs} ms spent` });
  const budgetSpent = new Promise<QueryResult>((resolve) => budget.signal.addEventListener("abort", () => resolve(spent()), { once: true }));

  const cache = new Map<string, Promise<QueryResult>>();
  const answered = new Set<string>();
  const log: QueryLogEntry[] = [];
  const waiting: ((granted: boolean) => void)[] = [];
  let firstLookupAt: number | undefined;
  let inFlight = 0;
  let peakInFlight = 0;
  let asked = 0;
  let cacheHits = 0;
  let joinedInFlight = 0;
  let skipped = 0;
  let overQueryLimit = 0;

  const startClock = (): void => {
    if (firstLookupAt !== undefined) return;
    firstLookupAt = performance.now();
    // unref: a finished run must not wait for its budget timer to exit.
    setTimeout(() => budget.abort(), budgetMs).unref();
  };
  budget.signal.addEventListener("abort", () => waiting.splice(0).forEach((wake) => wake(false)), { once: true });

  const acquireSlot = (): Promise<boolean> => {
    if (inFlight < maxInFlight) {
      inFlight++;
      peakInFlight = Math.max(peakInFlight, inFlight);
      return Promise.resolve(true);
    }
    return new Promise((wake) => waiting.push(wake));
  };
  // The slot passes straight to the next waiter, so a newcomer cannot slip in between and exceed the cap.
  const releaseSlot = (): void => {
    const next = waiting.shift();
    if (next) next(true);
    else inFlight--;
  };

  const ask = async (name: string, type: RecordType): Promise<QueryResult> => {
    if (!(await acquireSlot())) {
      skipped++;
      return spent();
    }
    asked++;
    const began = performance.now();
    try {
      const result = await Promise.race([upstream.query(name, type, budget.signal).catch(upstreamFailure), budgetSpent]);
      log.push({ name, type, rcode: result.rcode, ms: Math.round(performance.now() - began), startedAt: Math.round(began - (firstLookupAt ?? began)) });
      return result;
    } finally {
      releaseSlot();
    }
  };

  return {
    query(name: string, type: RecordType, signal?: AbortSignal): Promise<QueryResult> {
      const key = `${normaliseDomain(name)} ${type}`;
      const known = cache.get(key);
      if (known !== undefined) {
        if (answered.has(key)) cacheHits++;
        else joinedInFlight++;
        return untilAborted(known, signal);
      }
      if (budget.signal.aborted) {
        skipped++;
        return Promise.resolve(spent());
      }
      if (cache.size >= maxQueries) {
        overQueryLimit++;
        return Promise.resolve({ rcode: "ERROR", answers: [], reason: `DNS query limit of ${maxQueries} per run reached` });
      }
      startClock();
      const pending = ask(name, type);
      cache.set(key, pending);
      void pending.then(() => answered.add(key));
      return untilAborted(pending, signal);
    },
    log: () => log,
    stats: () => ({
      asked,
      cacheHits,
      joinedInFlight,
      skipped,
      overQueryLimit,
      maxQueries,
      peakInFlight,
      budgetMs,
      elapsedMs: firstLookupAt === undefined ? 0 : Math.round(performance.now() - firstLookupAt),
      budgetSpent: budget.signal.aborted,
    }),
  };
}

function upstreamFailure(error: unknown): QueryResult {
  return { rcode: "ERROR", answers: [], reason: error instanceof Error ? error.message : String(error) };
}

/** The shared answer, unless this caller gives up first: its abort must not cancel the question for the others. */
function untilAborted(answer: Promise<QueryResult>, signal: AbortSignal | undefined): Promise<QueryResult> {
  if (signal === undefined) return answer;
  const aborted: QueryResult = { rcode: "TIMEOUT", answers: [], reason: "lookup aborted by its caller" };
  if (signal.aborted) return Promise.resolve(aborted);
  return new Promise((resolve) => {
    const onAbort = (): void => resolve(aborted);
    signal.addEventListener("abort", onAbort, { once: true });
    void answer.then((result) => {
      signal.removeEventListener("abort", onAbort);
      resolve(result);
    });
  });
}
