// A corpus worker: one session (rules loaded once), checks the messages the main thread hands it one
// at a time, so a slow message never holds up a batch and a hung one can be told apart.
import { parentPort, workerData } from "node:worker_threads";
import { pathToFileURL } from "node:url";
import { join } from "node:path";
import { checkOne, compileReportSchema } from "./check-one.mjs";

const dist = pathToFileURL(join(workerData.distDir, "/")).href;
const { startSession } = await import(new URL("preflight.js", dist).href);
const { buildReport } = await import(new URL("report/build.js", dist).href);

const { ruleLoaders } = await import(new URL("rules/registry.generated.js", dist).href);
const { loadCatalogue } = await import(new URL("rules/catalogue.js", dist).href);

// Rules are written while the corpus runs: a catalogue entry whose module is not there yet would
// make every check throw. It is turned off (and the note lists it) so the other rules are measured.
const withoutModule = [...loadCatalogue().values()].filter((meta) => !meta.engine && !(meta.id in ruleLoaders)).map((meta) => meta.id);
const rules = Object.fromEntries(withoutModule.map((id) => [id, "off"]));
const session = await startSession({ offline: true, ...(withoutModule.length > 0 ? { rules } : {}) });
const validate = compileReportSchema();

parentPort.on("message", async ({ index, entry }) => {
  const record = await checkOne(session, buildReport, validate, entry);
  parentPort.postMessage({ index, record });
});
parentPort.postMessage({ ready: true, withoutModule });
