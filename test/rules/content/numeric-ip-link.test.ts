import { ruleTester } from "../../rule-tester.js";
import { numericIpLink } from "../../../src/rules/content/numeric-ip-link.js";

ruleTester(numericIpLink, {
  valid: [
    "fixtures/numeric-ip-link/clean-hostnames.eml",
    { html: '<a href="https://1.2.3.4.example.com/">a name that starts with digits</a>' },
    { html: '<a href="mailto:root@[192.168.1.1]">mail</a>' },
    { html: '<a href="https://click.example.com/t?url=https%3A%2F%2Fwww.example.com%2F&id=10.1.2.3">a tracked link to a name</a>' },
    {
      name: "a reply pasting a 2002 Google cache link",
      eml: "From: Ann <ann@example.org>\nTo: list@example.net\nReferences: <1@example.org>\nSubject: Re: Asteroids anyone ?\n\nGoogle still has it: http://216.239.39.100/search?q=cache:637JrhGDB5gC:www.lpi.usra.edu/meetings/\n",
    },
  ],
  invalid: [
    {
      // quoted-printable iso-8859-1 HTML (soft line break inside the href, =3D) and a QP text part
      input: "fixtures/numeric-ip-link/fires-obfuscated.eml",
      findings: [
        { evidence: "http://0xc0.0xa8.0x01.0x01/confirm?id=77", location: { part: "text/html", line: 6, column: 20 }, message: /192\.168\.1\.1 \(written in an obfuscated notation\)/ },
        { evidence: "http://www.bank.com@64.174.94.10/login", location: { part: "text/html", line: 7, column: 13 }, message: /"www\.bank\.com@" before it is only a user name/ },
        { evidence: "http://[2001:db8::1]/logo.gif", location: { part: "text/html", line: 8, column: 14 } },
        { evidence: "http://3232235777/confirm", location: { part: "text/plain", line: 2, column: 32 } },
      ],
    },
    {
      // base64 windows-1251 HTML, RFC 2047 subject
      input: "fixtures/numeric-ip-link/fires-base64-octal.eml",
      findings: [{ evidence: "http://0300.0250.01.01/ru/", location: { part: "text/html", line: 5, column: 26 } }],
    },
    { input: { html: '<a href="http://%31%32%37.0.0.1/">escaped</a>' }, findings: [{ message: /127\.0\.0\.1/ }] },
    {
      input: { name: "a plain-text offer that is not a reply", eml: "From: Offers <deals@example.com>\nTo: ann@example.org\nSubject: Refinance now\n\nApply at http://211.91.20.163/host/YourApproved/\n" },
      findings: [{ evidence: "http://211.91.20.163/host/YourApproved/", location: { part: "text/plain" } }],
    },
    { input: { html: '<a href="http://0x7f.1/">hex</a><img src="//64.174.94.10/a.gif">' }, findings: 2 },
    { input: { html: '<div style="background:url(http://2130706433/bg.png)">x</div>' }, findings: [{ evidence: "http://2130706433/bg.png" }] },
    // a redirector or ad server sending the reader on to an IP address (SpamAssassin corpus spam-2/00517, spam-2/00318)
    {
      input: {
        html:
          '<a href="http://ad.goo.ne.jp/event.ng/Type=click&Redirect=http://61.129.81.99/paul/bren/mortg/">here</a>' +
          '<a href="http://ad.doubleclick.net/click;3518383;15-0;0;6177677;1-468|60;0|0|0;;http://61.129.81.99/m/">ad</a>' +
          '<a href="https://www.google.com/url?q=http%3A%2F%2F211.167.74.101%2Fmortg%2F">encoded</a>',
      },
      findings: [
        { message: /through ad\.goo\.ne\.jp on to the numeric IP address 61\.129\.81\.99/ },
        { message: /through ad\.doubleclick\.net on to the numeric IP address 61\.129\.81\.99/ },
        { message: /through www\.google\.com on to the numeric IP address 211\.167\.74\.101/ },
      ],
    },
  ],
});
