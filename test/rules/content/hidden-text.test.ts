import { ruleTester } from "../../rule-tester.js";
import { hiddenText } from "../../../src/rules/content/hidden-text.js";

ruleTester(hiddenText, {
  valid: [
    "fixtures/hidden-text/clean-preheader.eml",
    { html: '<div style="display:none">Preheader: twelve novels</div><p>Body text</p>' },
    { html: '<td style="font-size:0"><div style="display:inline-block;font-size:14px">columns reset the size</div></td>' },
    { html: '<td bgcolor="#000000"><font color="#ffffff">white on black</font></td>' },
    // a <style> block may set the background (classes are not resolved): it is unknown, not judged
    { html: '<style>.dark { background: #000 }</style><p class="dark" style="color:#ffffff">white text on an unknown background is not judged</p>' },
    { html: '<p style="color:#333333">dark text on the default white background</p>' },
    { html: '<body background="paper.jpg"><font color="#ffffff">white text on a background image</font></body>' },
    { html: '<td style="background:#fff url(hero.jpg)"><span style="color:#fff">on an image</span></td>' },
    { html: '<p>visible</p><div style="visibility:hidden"><span style="visibility:visible">shown again</span></div>' },
    { html: '<p>visible</p><span style="display:none">|</span>' },
  ],
  invalid: [
    {
      input: "fixtures/hidden-text/fires-hidden-keywords.eml",
      findings: [
        { evidence: "viagra casino lottery winner free money", message: /text colour/, location: { part: "text/html", line: 7, column: 4 } },
        { evidence: "buy cheap replica watches online pharmacy", message: /display:none/, location: { line: 8, column: 1 } },
        { evidence: "unclaimed prize notification reference 88412", message: /font-size:1px/, location: { line: 9, column: 1 } },
      ],
    },
    // a second hidden block is never a preheader, nor is one after the content
    {
      input: { html: `<p>${"word ".repeat(40)}</p><div style="display:none">late hidden text</div>` },
      findings: [{ evidence: "late hidden text" }],
    },
    { input: { html: '<table bgcolor="white"><tr><td><span style="color:#fcfcfc">near white</span></td></tr></table>' }, findings: [{ evidence: "near white" }] },
    // no background set and no <style> block: the client's default white (SpamAssassin corpus spam-2/00171's hash-buster)
    {
      input: { html: '<p>Reply for details.</p><FONT size=1> <font color="#FFFFFF">9296wCOX6-694GTxJ6922tjVu1-454sl@30</font>' },
      findings: [{ evidence: "9296wCOX6-694GTxJ6922tjVu1-454sl@30", message: /text colour on the default white background/ }],
    },
    {
      input: { html: `<p>${"word ".repeat(30)}</p><div style="max-height:0;overflow:hidden">tucked away</div>` },
      findings: [{ evidence: "tucked away", message: /max-height:0 with overflow:hidden/ }],
    },
    {
      // only the first hidden block can be the preheader
      input: { html: '<div style="display:none">Preheader</div><div style="display:none">second block</div><p>Body</p>' },
      findings: [{ evidence: "second block" }],
    },
  ],
});
