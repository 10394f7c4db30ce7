import type { MessageRule } from "../types.js";
import { isCommercialBulk, mailKind } from "./shared/mail-kind.js";
import { phraseMatcher, type PhraseMatcher } from "./shared/phrases.js";
import { bodyText } from "./shared/readable-text.js";
import { messageWords } from "./shared/message-words.js";
import type { RuleData } from "../data.js";

// A line telling readers why they get the mail ("you are receiving this because you signed up at…")
// cuts spam complaints from people who forgot subscribing; ESPs such as Mailchimp require one in every
// campaign footer. Judged on templates and bulk mail only.
const matchers = new WeakMap<RuleData, PhraseMatcher>();

export const missingPermissionReminder: MessageRule = {
  id: "missing-permission-reminder",
  kind: "message",
  check(message, ctx) {
    if (!isCommercialBulk(mailKind(message, ctx.data))) return [];
    const text = bodyText(message);
    if (!text) return [];
    let matcher = matchers.get(ctx.data);
    if (!matcher) {
      matcher = phraseMatcher(ctx.data.words().flatMap((words) => words.permissionReminder));
      matchers.set(ctx.data, matcher);
    }
    const words = messageWords(message);
    if (matcher.test(text, words) || (message.text && matcher.test(message.text.content, words))) return [];
    return [
      {
        message: "The body never tells readers why they receive this mail (no permission reminder such as \"you are receiving this email because you signed up…\").",
        location: { part: message.html ? "text/html" : "text/plain" },
      },
    ];
  },
};
