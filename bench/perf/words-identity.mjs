// wordsOf of two builds compared: every BMP code unit alone and between letters, random strings, and
// the body texts of the given .eml files. Usage: node bench/perf/words-identity.mjs <old dist> <new dist> [dir…]
import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
const [oldDist, newDist, ...dirs] = process.argv.slice(2);
const before = (await import(`${oldDist}/message/words.js`)).wordsOf;
const after = (await import(`${newDist}/message/words.js`)).wordsOf;
const { parseMessage } = await import(`${newDist}/message/parse.js`);
let compared = 0;
const differing = [];
const check = (text, limit) => {
  compared++;
  const a = JSON.stringify(before(text, limit));
  if (a !== JSON.stringify(after(text, limit)) && differing.push(text) <= 3) console.log("DIFF", JSON.stringify(text.slice(0, 80)));
};
for (let code = 0; code < 0x10000; code++) {
  const c = String.fromCharCode(code);
  check(c);
  check(`a${c}b ${c}x`);
  check(`${c}${c}'${c}-9`);
}
const units = fc.oneof(fc.constantFrom(..."aZ09'’_- .:/\u0301\u0e01\u0e31\u3042\u4e00\uff10\u00df\u0130\u03a3\u03c3\u24d0\u0345"), fc.string({ unit: "binary", minLength: 1, maxLength: 1 }));
for (const text of fc.sample(fc.string({ unit: units, maxLength: 60 }), { numRuns: 200_000, seed: 1 })) check(text);
for (const text of fc.sample(fc.string({ unit: "binary", maxLength: 200 }), { numRuns: 50_000, seed: 2 })) check(text, 5);
for (const text of ["see https://example.com/x and WWW.Example.org now", "mailto:a@b.c word", "no url: here", "x".repeat(3) + ":"]) check(text);
let texts = 0;
for (const dir of dirs) {
  for (const file of readdirSync(dir).sort()) {
    const model = await parseMessage(readFileSync(`${dir}/${file}`), file);
    for (const text of [model.htmlBody?.visibleText, model.text?.content]) if (text !== undefined) { check(text); check(text, 1000); texts++; }
  }
}
console.log(JSON.stringify({ compared, texts, differing: differing.length }));
