import { ruleTester } from "../../rule-tester.js";
import { scriptLink } from "../../../src/rules/content/script-link.js";

ruleTester(scriptLink, {
  valid: ["fixtures/script-link/clean-cid.eml"],
  invalid: [
    {
      input: "fixtures/script-link/fires-javascript.eml",
      findings: [
        { evidence: "javascript:void(0)", severity: "error", location: { part: "text/html", line: 5, column: 13 } },
        // entity-encoded scheme, decoded by the HTML parser
        { evidence: "javascript:alert(document.cookie)", severity: "error", location: { part: "text/html", line: 6, column: 13 } },
        { severity: "warning", location: { part: "text/html", line: 7, column: 14 }, message: /^Image source uses a data: URL/ },
      ],
    },
    { input: { html: '<a href="data:text/html;base64,PHNjcmlwdD4=">open</a><a href="VBScript:msgbox(1)">x</a>' }, findings: [{ severity: "error" }, { severity: "error" }] },
  ],
});
