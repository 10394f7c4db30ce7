import { ruleTester } from "../../rule-tester.js";
import { forgedMailer } from "../../../src/rules/headers/forged-mailer.js";

const eml = (...fields: string[]) => ({ eml: `From: a@example.com\nSubject: x\n${fields.join("\n")}\nMIME-Version: 1.0\nContent-Type: text/plain\n\nhi\n` });
// 2002-08-20 12:03:27 UTC as a FILETIME: 01c24841 97675180
const OE_ID = "Message-ID: <001301c24841$97675180$0100a8c0@PETER>";

ruleTester(forgedMailer, {
  valid: [
    "fixtures/forged-mailer/clean-outlook-express.eml",
    "fixtures/forged-mailer/clean-outlook.eml",
    "fixtures/forged-mailer/clean-thunderbird.eml",
    "fixtures/newsletter.eml",
    // the same moment in another zone, and a clock up to a day off
    eml(OE_ID, "Date: Tue, 20 Aug 2002 05:03:27 -0700", "X-Mailer: Microsoft Outlook Express 6.00.2600.0000", "X-MimeOLE: Produced By Microsoft MimeOLE V6.00.2600.0000"),
    eml(OE_ID, "Date: Wed, 21 Aug 2002 11:00:00 +0000"),
    // no Date, or one that names no moment: invalid-date and missing-date say so
    eml(OE_ID),
    eml(OE_ID, "Date: sometime in August"),
    // Outlook through Exchange: X-MimeOLE names Exchange, not MimeOLE
    eml("X-Mailer: Microsoft Outlook CWS, Build 9.0.2416 (9.0.2910.0)", "X-MimeOLE: Produced By Microsoft Exchange V6.0.6249.0"),
    // Outlook 2007 and later may write no X-MimeOLE; other programs never do
    eml("X-Mailer: Microsoft Office Outlook 12.0"),
    eml("X-Mailer: Microsoft Outlook 16.0", "Message-ID: <000001dd7b2b$1d844200$58ccc600$@example.com>", "Date: Mon, 23 Nov 2026 10:15:00 +0100"),
    eml("X-Mailer: Apple Mail (2.3654.120.0.1.13)"),
    // the Macintosh edition of Outlook Express is not built on MimeOLE and writes no X-MimeOLE
    "fixtures/forged-mailer/clean-outlook-express-mac.eml",
  ],
  invalid: [
    {
      input: "fixtures/forged-mailer/fires-outlook-express-imitation.eml",
      findings: [
        {
          evidence: "<0000531f3b6e$000009ef$0000597d@offers.example>",
          location: { header: "Message-ID", line: 5 },
          message:
            "Message-ID <0000531f3b6e$000009ef$0000597d@offers.example> has the form Outlook and Outlook Express write, whose first part is the sending time, but that time is the year 20581 while the Date header says 2026-11-20 08:00 UTC: a program imitating them made the ID up.",
        },
        {
          evidence: "X-Mailer: Microsoft Outlook Express 6.00.2600.0000",
          location: { header: "X-Mailer", line: 7 },
          message:
            'X-Mailer claims Outlook Express ("Microsoft Outlook Express 6.00.2600.0000"), which writes an X-MimeOLE header on every message, but this message has none: another program wrote it.',
        },
      ],
    },
    {
      input: "fixtures/forged-mailer/fires-outlook-x-mailer-without-mimeole.eml",
      findings: [{ evidence: "X-Mailer: Microsoft Outlook, Build 10.0.2627", location: { header: "X-Mailer", line: 7 }, message: /claims Outlook 2002/ }],
    },
    // a day and an hour off; upper-case hex and an empty host, as ratware writes them
    { input: eml(OE_ID, "Date: Wed, 21 Aug 2002 13:04:00 +0000"), findings: [{ message: /that time is 2002-08-20 12:03 UTC while the Date header says 2002-08-21 13:04 UTC/ }] },
    { input: eml("Message-ID: <0000531F3B6E$000009EF$0000597D@>", "Date: Fri, 20 Nov 2026 09:00:00 +0100"), findings: [{ evidence: "<0000531F3B6E$000009EF$0000597D@>" }] },
    // ratware's "0102" year (2002 printed as years since 1900) and impossible zones are read as written
    { input: eml("Message-ID: <018a78d40b2d$1251e8e5$5ba36cb1@sjyrit>", "Date: Sat, 02 Feb 0102 23:26:17 +0200"), findings: 1 },
    { input: eml("X-Mailer: Microsoft Windows Live Mail 15.4.3555.308"), findings: [{ message: /claims Windows Live Mail/ }] },
  ],
});
