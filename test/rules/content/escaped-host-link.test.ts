import { ruleTester } from "../../rule-tester.js";
import { escapedHostLink } from "../../../src/rules/content/escaped-host-link.js";

ruleTester(escapedHostLink, {
  valid: [
    "fixtures/escaped-host-link/clean-escaped-query.eml",
    "fixtures/newsletter.eml",
    { html: '<a href="https://example.com/a%20b?next=https%3A%2F%2Fexample.org%2F">escapes in the path and query</a>' },
    { html: '<a href="http://%7Bsburke%7D%20%7Bat%7D%20%7Bcpan.org%7D">an address spelt out, no host</a>', name: "decodes to no host" },
    { html: '<a href="http://user%40name@example.com/">escapes in the user name only</a>' },
    {
      eml: "From: a@example.org\nTo: list@example.net\nList-Post: <mailto:list@example.net>\nSubject: odd links\n\nSpam now writes http://%77%77%77.example.com/ to dodge filters.\n",
      name: "quoted in a discussion-list post",
    },
  ],
  invalid: [
    {
      input: "fixtures/escaped-host-link/fires-escaped-www.eml",
      findings: [
        {
          evidence: "http://%77%77%77%2E%62a%6E%6E%65%64c%64%2E%6E%65%74/bulk.htm",
          message: /hides its host www\.bannedcd\.net behind %-escapes/,
          location: { part: "text/html", line: 3, column: 13 },
        },
      ],
    },
    { input: { html: '<img src="http://impacts.%61%66%66%69%6c%69%61%74%65.%63%6f%6d/ad.gif">' }, findings: [{ message: /impacts\.affiliate\.com/ }] },
    { input: { html: '<a href="http://%32%317.%31%30%36.%355%2E97/">an escaped IP</a>' }, findings: [{ message: /217\.106\.55\.97/ }] },
    {
      input: { html: '<a href="http://8%31%2E%39.%38.%34%2F%4Eew%4Co%61n">escapes that hide a slash</a>' },
      findings: [{ message: /hides its host 81\.9\.8\.4 / }],
    },
    {
      input: { eml: "From: deals@example.org\nTo: b@example.net\nSubject: cds\n\nVisit http://%62%61nn%65%64%63d.net today\n" },
      findings: [{ evidence: "http://%62%61nn%65%64%63d.net", location: { part: "text/plain", line: 1, column: 7 } }],
    },
  ],
});
