import { ruleTester } from "../../rule-tester.js";
import { localLink } from "../../../src/rules/content/local-link.js";

ruleTester(localLink, {
  valid: [
    "fixtures/local-link/clean-production.eml",
    { html: '<a href="https://8.8.8.8/">public IP (numeric-ip-link judges it)</a><a href="https://example.com/">placeholder domain</a>' },
    {
      name: "a discussion-list post whose prose names http://localhost/~user",
      eml: "From: Ann <ann@example.org>\nTo: webdev@lists.example.net\nList-Post: <mailto:webdev@lists.example.net>\nSubject: [Webdev] mod_rewrite\n\nWith the rule in place, http://localhost/~ann/ still serves the old page.\n",
    },
    {
      name: "a reply quoting http://yourserver:2301/",
      eml: "From: Bob <bob@example.org>\nTo: ann@example.org\nIn-Reply-To: <1@example.org>\nSubject: Re: projects\n\nThen browse to http://yourserver:2301/ and log in.\n",
    },
  ],
  invalid: [
    {
      input: "fixtures/local-link/fires-leftovers.eml",
      findings: [
        { evidence: "http://localhost:3000/news", severity: "error", location: { part: "text/html", line: 5, column: 13 } },
        { evidence: "http://192.168.1.20/img/hero.jpg", severity: "error", location: { part: "text/html", line: 6, column: 14 }, message: /private \(RFC 1918\)/ },
        { evidence: "https://shop.example.test/autumn", severity: "error", location: { part: "text/html", line: 7, column: 13 } },
        { evidence: "https://staging.example.com/autumn", severity: "warning", location: { part: "text/html", line: 7, column: 67 } },
        { evidence: "http://localhost:3000/news", location: { part: "text/plain", line: 1, column: 14 } },
      ],
    },
    {
      input: { html: '<a href="http://[fd00::1]/">ula</a><a href="http://0x7f000001/">loop</a><a href="https://app-staging.example.co.uk/">s</a><a href="http://nas.home.arpa/">h</a>' },
      findings: [{ message: /unique local/ }, { message: /loopback/ }, { severity: "warning" }, { message: /non-public name/ }],
    },
    {
      // a reply still sends the links of its HTML
      input: {
        name: "a reply with a localhost link in its HTML",
        eml: "From: Bob <bob@example.org>\nTo: ann@example.org\nIn-Reply-To: <1@example.org>\nSubject: Re: projects\nContent-Type: text/html; charset=utf-8\n\n<p><a href=\"http://localhost:8080/report\">the report</a></p>\n",
      },
      findings: [{ evidence: "http://localhost:8080/report", location: { part: "text/html" } }],
    },
    {
      input: { name: "a one-off plain-text mail with a localhost link", eml: "From: Bob <bob@example.org>\nTo: ann@example.org\nSubject: report\n\nThe report: http://localhost:8080/report\n" },
      findings: [{ evidence: "http://localhost:8080/report", location: { part: "text/plain" } }],
    },
  ],
});
