// `--help` for the maintainer scripts (npm run bench, corpus, fit-scores, fuzz): each script's header
// comment already says how to call it, so that comment is the help text, and it cannot drift from it.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** With `--help` or `-h` among the script's own arguments: print its header comment and exit 0. */
export function helpFromHeader(scriptUrl, argv = process.argv.slice(2)) {
  const end = argv.indexOf("--");
  const own = end === -1 ? argv : argv.slice(0, end);
  if (!own.includes("--help") && !own.includes("-h")) return;
  const lines = readFileSync(fileURLToPath(scriptUrl), "utf8").split("\n");
  const header = [];
  for (const line of lines.slice(lines[0].startsWith("#!") ? 1 : 0)) {
    if (!line.startsWith("//")) break;
    header.push(line.replace(/^\/\/ ?/, ""));
  }
  process.stdout.write(`${header.join("\n")}\n`);
  process.exit(0);
}
