// The words of a message's texts, cut once for all its phrase lists (spam phrases, advance fee, not-spam
// claims, unsubscribe words, reply opt-outs, permission reminders read the same subject, text nodes and
// body). Kept beside the message and dropped with it, never across a batch (see WordCache).
import type { MessageModel } from "../../../message/model.js";
import { wordCache, type WordCache } from "./phrases.js";

const caches = new WeakMap<MessageModel, WordCache>();

export function messageWords(message: MessageModel): WordCache {
  let cache = caches.get(message);
  if (!cache) {
    cache = wordCache();
    caches.set(message, cache);
  }
  return cache;
}
