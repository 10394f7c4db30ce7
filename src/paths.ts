// Where the package's own files are, whether run from src/ (vitest) or dist/ (built).
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const packageRoot = join(dirname(fileURLToPath(import.meta.url)), "..");

export function rulesDir(): string {
  return join(packageRoot, "rules");
}

export function packagePath(...segments: string[]): string {
  return join(packageRoot, ...segments);
}
