// Where the project and its rule documentation live, for links in SARIF, Markdown and HTML reports.
export const PROJECT_URL = "https://github.com/mail-preflight/mail-preflight";

/** docs/rules/<id>.md, generated from the catalogue by scripts/gen-docs.mjs. */
export function ruleDocUrl(id: string): string {
  return `${PROJECT_URL}/blob/main/docs/rules/${id}.md`;
}
