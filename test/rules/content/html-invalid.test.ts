import { ruleTester } from "../../rule-tester.js";
import { htmlInvalid } from "../../../src/rules/content/html-invalid.js";

ruleTester(htmlInvalid, {
  valid: [
    "fixtures/html-invalid/clean-email-html.eml",
    { html: "<p>No html, head or body, optional ends<p>Second<ul><li>a<li>b</ul><dl><dt>t<dd>d</dl>" },
    { html: '<!--[if mso]><table><tr><td><![endif]--><div>x</div><!--[if mso]></td></tr></table><![endif]-->' },
    { html: "<DIV>Upper case <B>tags</b></div ><br/><img src=x.png alt=''><hr>" },
    { html: "<p>Mail me at <jane@example.com> or AT&T, Q&A, &nbsp; &amp; &#169; &#x2014; &nbsp</p>" },
    { html: '<a href="/x?a=1&copy=2&foo;bar">attribute values are not judged</a>' },
    { html: "<script>if (a < b && c) { x = '</div>'; }</script><style>p > a { color: red }</style>" },
  ],
  invalid: [
    {
      input: "fixtures/html-invalid/fires-misnested.eml",
      findings: [
        { evidence: '<span style="color:#b00">', location: { part: "text/html", line: 16, column: 20 } },
        { evidence: "<b>", location: { line: 16, column: 55 } },
        { evidence: "</p>", location: { line: 17, column: 70 }, message: /without an open <p>/ },
        { evidence: 'style="padding:0"', location: { line: 18, column: 21 }, message: /attribute style twice/ },
        { evidence: "&nbspSaturday", location: { line: 18, column: 43 } },
        { evidence: "&copyright;", location: { line: 18, column: 93 }, message: /Unknown character reference/ },
      ],
    },
    { input: { html: "<div><div>inner</div>" }, findings: [{ evidence: "<div>", location: { line: 1, column: 1 } }] },
    { input: { html: "<table><tr><td><font face=Arial>cell</td></tr></table>" }, findings: [{ evidence: "<font face=Arial>" }] },
    { input: { html: "<p>a</p></br>" }, findings: [{ evidence: "</br>", message: /line break/ }] },
    { input: { html: "<p>" + "<span>x".repeat(30) + "</p>" }, findings: 21 },
  ],
});
