import type { MessageRule } from "../types.js";
import type { RuleData } from "../data.js";
import { phraseMatcher, type PhraseMatcher } from "../list-hygiene/shared/phrases.js";
import { readableSegments } from "../list-hygiene/shared/readable-text.js";
import { messageWords } from "../list-hygiene/shared/message-words.js";
import { isConversation } from "../list-hygiene/shared/mail-kind.js";

// Legitimate mail does not argue that it is not spam. "This is not spam" and "sent in compliance with
// S. 1618" (a 1998 US Senate bill that never became law) are what unsolicited bulk mail wrote to look
// lawful, so filters score the claim itself (SpamAssassin NOT_SPAM) and readers distrust it. Phrases are
// rules/words/<lang>.json "notSpamClaims"; hidden text counts too, as filters read it. Replies and
// discussion-list posts are not judged: people discussing a filter write "this is NOT spam" of a message.
const matchers = new WeakMap<RuleData, PhraseMatcher>();

export const notSpamClaim: MessageRule = {
  id: "not-spam-claim",
  kind: "message",
  check(message, ctx) {
    if (isConversation(message, ctx.data)) return [];
    let matcher = matchers.get(ctx.data);
    if (!matcher) {
      matcher = phraseMatcher(ctx.data.words().flatMap((words) => words.notSpamClaims));
      matchers.set(ctx.data, matcher);
    }
    for (const segment of readableSegments(message)) {
      const match = matcher.find(segment.text, 1, messageWords(message))[0];
      if (!match) continue;
      return [
        {
          message: `The mail claims not to be spam ("${match.text}"), which only unsolicited mail does.`,
          evidence: match.text,
          location: segment.locate(match.index, match.text.length),
        },
      ];
    }
    return [];
  },
};
