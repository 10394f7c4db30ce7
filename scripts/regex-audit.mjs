#!/usr/bin/env node
// npm run regex-audit: every regular expression of src/ (literals and new RegExp("…") with a literal
// source) and of the rule data (rules/postal-address.json postcodes and addressPatterns) through recheck, which looks for
// catastrophic (exponential or polynomial) backtracking and builds an attack string when it finds it.
// Regexes assembled at run time from data are listed as dynamic: test/reliability/regex-audit.test.ts
// times every rule on adversarial input, which covers them. Exit 1 when a regex is vulnerable.
import { readFileSync } from "node:fs";
import { globSync } from "tinyglobby";
import ts from "typescript";
import { check } from "recheck";
import { UNICODE_CLASSES } from "./unicode-classes.mjs";

const literals = [];
const dynamic = [];

for (const file of globSync(["src/**/*.ts"], { expandDirectories: false }).sort()) {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const where = (node) => `${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node) => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const text = node.getText();
      const end = text.lastIndexOf("/");
      literals.push({ where: where(node), source: text.slice(1, end), flags: text.slice(end + 1) });
    } else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "RegExp") {
      const [pattern, flags] = node.arguments ?? [];
      const source = pattern && (ts.isStringLiteralLike(pattern) ? pattern.text : withUnicodeClasses(pattern));
      if (source !== undefined) {
        literals.push({ where: where(node), source, flags: flags && ts.isStringLiteralLike(flags) ? flags.text : "" });
      } else {
        dynamic.push(where(node));
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}

/**
 * The source of a template (plain or String.raw) whose every substitution names a class of
 * scripts/unicode-classes.mjs, with the \p{…} it stands for in its place (the same code points), so
 * recheck reads the pattern as written before the classes were spelled out; else undefined.
 */
function withUnicodeClasses(pattern) {
  const raw = ts.isTaggedTemplateExpression(pattern) && pattern.tag.getText() === "String.raw";
  const template = raw ? pattern.template : pattern;
  if (!ts.isTemplateExpression(template)) return undefined;
  const text = (part) => (raw ? part.rawText : part.text);
  let source = text(template.head);
  for (const span of template.templateSpans) {
    const name = ts.isIdentifier(span.expression) ? span.expression.text : "";
    if (!Object.hasOwn(UNICODE_CLASSES, name)) return undefined;
    source += UNICODE_CLASSES[name] + text(span.literal);
  }
  return source;
}

const postal = JSON.parse(readFileSync("rules/postal-address.json", "utf8"));
for (const [index, postcode] of (postal.postcodes ?? []).entries()) {
  literals.push({ where: `rules/postal-address.json postcodes[${index}] (${postcode.country})`, source: postcode.pattern, flags: "u" });
}
for (const [language, shapes] of Object.entries(postal.addressPatterns ?? {})) {
  for (const [index, shape] of shapes.entries()) {
    literals.push({ where: `rules/postal-address.json addressPatterns.${language}[${index}]`, source: shape.pattern, flags: "u" });
  }
}

const vulnerable = [];
const unknown = [];
for (const regex of literals) {
  const result = await check(regex.source, regex.flags, { timeout: 10_000 });
  if (result.status === "vulnerable") vulnerable.push({ ...regex, complexity: result.complexity.summary, attack: result.attack.pattern });
  else if (result.status === "unknown") unknown.push({ ...regex, reason: result.error?.kind ?? "unknown" });
}

console.log(`regex-audit: ${literals.length} regexes checked with recheck, ${vulnerable.length} vulnerable, ${unknown.length} undecided; ${dynamic.length} built at run time (covered by the timing test)`);
for (const regex of vulnerable) console.log(`  VULNERABLE ${regex.where}: /${regex.source}/${regex.flags}\n    ${regex.complexity}; attack: ${regex.attack}`);
for (const regex of unknown) console.log(`  undecided ${regex.where}: /${regex.source}/${regex.flags} (${regex.reason})`);
if (dynamic.length) console.log(`  dynamic: ${dynamic.join(", ")}`);
process.exit(vulnerable.length > 0 ? 1 : 0);
