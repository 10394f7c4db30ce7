import type { MessageRule } from "../types.js";
import { headerLocation } from "./shared/header-location.js";

// An empty subject reads as careless or automated; filters score it (SpamAssassin MISSING_SUBJECT) and
// readers skip it. A template checked without --subject is not judged: the ESP sets it later.
export const subjectMissing: MessageRule = {
  id: "subject-missing",
  kind: "message",
  check(message) {
    const header = message.header("subject");
    if (!header) {
      if (message.kind === "html") return [];
      return [{ message: "The message has no Subject header.", location: { part: "headers" } }];
    }
    if ((message.subject ?? "").trim()) return [];
    return [{ message: "The Subject header is empty.", evidence: header.value, location: headerLocation(message, "Subject") }];
  },
};
