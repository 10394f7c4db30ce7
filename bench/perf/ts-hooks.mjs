// Lets the bench import the project's TypeScript test helpers (the loopback DNS server of
// test/dns/zone-server.ts) without a build: Node strips the types, and this hook maps the ".js"
// specifiers TypeScript sources use (NodeNext style) to the ".ts" file beside them.
import { existsSync } from "node:fs";
import { registerHooks } from "node:module";
import { fileURLToPath } from "node:url";

registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier.startsWith(".") && specifier.endsWith(".js") && context.parentURL?.endsWith(".ts")) {
      const candidate = new URL(specifier.replace(/\.js$/, ".ts"), context.parentURL);
      if (existsSync(fileURLToPath(candidate))) return nextResolve(candidate.href, context);
    }
    return nextResolve(specifier, context);
  },
});
