import { ruleTester } from "../../rule-tester.js";
import { activeContent } from "../../../src/rules/content/active-content.js";

ruleTester(activeContent, {
  valid: [
    "fixtures/active-content/clean-gmail-markup.eml",
    { html: '<meta http-equiv="Content-Type" content="text/html; charset=utf-8"><p>Online only: <a href="https://example.com/on">on sale</a></p>' },
  ],
  invalid: [
    {
      input: "fixtures/active-content/fires-script-form-iframe.eml",
      findings: [
        { evidence: '<meta http-equiv="refresh" content="0; url=https://harbourbooks.example/sale">', location: { part: "text/html", line: 6, column: 1 } },
        { evidence: '<script type="text/javascript">', location: { line: 17, column: 1 }, severity: "error" },
        { evidence: '<form action="https://harbourbooks.example/search" method="get">', severity: "warning" },
        { evidence: '<iframe src="https://harbourbooks.example/widget" width="300" height="200">' },
        { evidence: 'onclick="track(this)"', location: { line: 20, column: 54 } },
      ],
    },
    { input: { html: '<object data="x.swf"></object><embed src="x.swf"><applet code="A"></applet>' }, findings: 3 },
    { input: { html: '<body onload="init()"><p>x</p></body>' }, findings: [{ evidence: 'onload="init()"' }] },
  ],
});
