#!/usr/bin/env node
// Loads only the CLI; everything else is imported when a command needs it.
import module from "node:module";

module.enableCompileCache?.();
const { main } = await import("../dist/cli/main.js");
process.exitCode = await main(process.argv.slice(2));
