import { ruleTester } from "../../rule-tester.js";
import { unrenderedPlaceholder } from "../../../src/rules/content/unrendered-placeholder.js";

ruleTester(unrenderedPlaceholder, {
  valid: [
    "fixtures/unrendered-placeholder/clean-code-sample.eml",
    { html: "<p>Save 20% today, 50% tomorrow: 100%% sure.</p>" },
    { html: "<p>Cost: ${price} is not a personal field; [Editor's note]; [SAtalk] list.</p>" },
    { html: "<p>[Name](https://example.com) is a Markdown link.</p>" },
    { html: "<style>.a{color:red}{{x}}</style><pre>${first_name}</pre><code>{{ name }}</code><p>ok</p>" },
    { html: "<p>Tcl: Ftoc_PickMsgs {{1 hit}}; [[ Is this true? ]]</p>" },
    { eml: "From: a@example.com\nSubject: Shell tip\nContent-Type: text/plain\n\necho ${HOME} %PATH% <%= @count %>\n" },
  ],
  invalid: [
    {
      input: "fixtures/unrendered-placeholder/fires-merge-tags.eml",
      findings: [
        { evidence: "*|FNAME|*", location: { header: "Subject", line: 4 } },
        { evidence: "{{sender_name}}", location: { header: "From", line: 2 } },
        { evidence: "{{ first_name }}", location: { part: "text/html", line: 16, column: 7 } },
        { evidence: "*|POINTS|*", location: { part: "text/html", line: 16, column: 47 } },
        { evidence: "%7B%7Bemail%7D%7D", location: { part: "text/html", line: 17, column: 56 } },
        { evidence: "%%FirstName%%", location: { part: "text/plain", line: 6, column: 4 }, severity: "error" },
      ],
    },
    { input: "fixtures/unrendered-placeholder/fires-template.html", findings: [{ evidence: "*|FNAME|*", severity: "info", message: /must be filled/ }] },
    {
      input: { eml: "From: a@example.com\nSubject: Hello\nContent-Type: text/plain\n\nDear ${user.firstName}, Lieber [Vorname], {$smarty.name} <%= @user.first_name %> %FIRSTNAME% {!firstname} [[firstname]]\n" },
      findings: [
        { evidence: "{!firstname}" },
        { evidence: "[[firstname]]" },
        { evidence: "${user.firstName}" },
        { evidence: "{$smarty.name}" },
        { evidence: "<%= @user.first_name %>" },
        { evidence: "%FIRSTNAME%" },
        { evidence: "[Vorname]" },
      ],
    },
    // Outlook renders conditional comments, so placeholders in them count
    { input: { eml: 'From: a@example.com\nSubject: x\nContent-Type: text/html\n\n<!--[if mso]><a href="{{ url }}">Open</a><![endif]--><p>Hi</p>\n' }, findings: [{ evidence: "{{ url }}" }] },
    { input: { html: "<p>Hi</p>", subject: "Hi {{ first_name }}" }, findings: [{ evidence: "{{ first_name }}", location: { header: "Subject" }, severity: "info" }] },
  ],
});
