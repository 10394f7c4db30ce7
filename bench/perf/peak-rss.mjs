// Preloaded into a measured run (`node --import`): at exit, writes the process's peak resident set
// size in bytes (worker threads included: they share the process) to $BENCH_PEAK_RSS_FILE.
import { writeFileSync } from "node:fs";

const target = process.env.BENCH_PEAK_RSS_FILE;
if (target) process.on("exit", () => writeFileSync(target, String(process.resourceUsage().maxRSS * 1024)));
