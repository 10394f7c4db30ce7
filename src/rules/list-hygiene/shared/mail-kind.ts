// What sort of mail a message is, from its headers and shape. List-hygiene rules (unsubscribe link,
// permission reminder, postal address) are about commercial bulk mail: a personal reply or a post to a
// discussion list has none of them and no deliverability expert would ask for them there.
import type { MessageModel } from "../../../message/model.js";
import type { RuleData } from "../../data.js";
import { sameOrganisation } from "../../../domain/index.js";
import { unsubscribeMatcher, unsubscribeOffers } from "./unsubscribe.js";
import { bodyText } from "./readable-text.js";
import { findReplyOptOut } from "./reply-opt-out.js";
import { messageWords } from "./message-words.js";

export type MailKind =
  /** an HTML template: what an ESP will send in bulk */
  | "template"
  /** list headers, Precedence: bulk, feedback loops, a link-heavy HTML body, or a body that says how to leave the list */
  | "bulk"
  /** members post to the list (RFC 2369 List-Post, Mailman's X-BeenThere, ezmlm's Mailing-List); the list server owns the footer */
  | "discussion-list"
  | "personal";

// A link-heavy HTML body without reply headers is how a newsletter looks when its headers say nothing.
const BULK_MIN_LINK_TARGETS = 3;

const kinds = new WeakMap<MessageModel, MailKind>();

export function mailKind(message: MessageModel, data: RuleData): MailKind {
  let kind = kinds.get(message);
  if (kind === undefined) {
    kind = classify(message, data);
    kinds.set(message, kind);
  }
  return kind;
}

function classify(message: MessageModel, data: RuleData): MailKind {
  if (message.kind === "html") return "template";
  if (isDiscussionList(message)) return "discussion-list";
  if (hasBulkHeaders(message)) return "bulk";
  if (message.header("in-reply-to") || message.header("references")) return "personal";
  if (webLinkTargets(message) >= BULK_MIN_LINK_TARGETS) return "bulk";
  // "To be removed from our mailing list, reply with REMOVE": a plain-text mail that tells readers how
  // to leave a list says itself that it went to one, whatever its headers (most 2002 bulk mail had none)
  const text = bodyText(message);
  const words = messageWords(message);
  const saysHowToLeave = unsubscribeMatcher(data).test(text, words) || findReplyOptOut(text, data, words) !== undefined || unsubscribeOffers(message, data).length > 0;
  return saysHowToLeave ? "bulk" : "personal";
}

export function isCommercialBulk(kind: MailKind): boolean {
  return kind === "template" || kind === "bulk";
}

/**
 * A reply or a post to a discussion list: its plain text is what a person wrote, so a URL in it is
 * prose ("point it at http://localhost/~you"), quoted or pasted, not a link a sender lays out.
 */
export function isConversation(message: MessageModel, data: RuleData): boolean {
  const kind = mailKind(message, data);
  if (kind === "discussion-list") return true;
  return kind === "personal" && (message.header("in-reply-to") !== undefined || message.header("references") !== undefined);
}

function isDiscussionList(message: MessageModel): boolean {
  const listPost = message.header("list-post")?.value.trim();
  // RFC 2369 §3.4: "List-Post: NO" marks an announcement list, which is bulk mail
  if (listPost) return !/^no\b/i.test(listPost);
  // list servers older than RFC 2369 headers: Mailman's X-BeenThere, ezmlm's and Yahoo Groups' Mailing-List
  if (message.header("x-beenthere") !== undefined || message.header("mailing-list") !== undefined) return true;
  return isMemberPostThroughList(message);
}

// Majordomo and home-grown list servers: the Sender is the list (or its -bounces/-owner address), the
// list is among the recipients, and the author writes from another organisation than the list's.
const LIST_SERVER_AFFIXES = /^owner-|-(?:owner|admin|request|bounces?|errors)$/g;
const ADDRESS = /[^\s<>"(),;:@]+@([^\s<>"(),;:@]+)/;

function isMemberPostThroughList(message: MessageModel): boolean {
  const sender = ADDRESS.exec((message.header("sender")?.value ?? "").slice(0, 1000));
  if (!sender || !message.from?.domain) return false;
  const [address, domain] = [sender[0].toLowerCase(), sender[1]!.toLowerCase()];
  if (sameOrganisation(domain, message.from.domain)) return false;
  const listAddress = `${address.slice(0, address.lastIndexOf("@")).replace(LIST_SERVER_AFFIXES, "")}@${domain}`;
  const recipients = [...message.headersNamed("to"), ...message.headersNamed("cc")].map((header) => header.value.toLowerCase());
  return recipients.some((value) => value.includes(listAddress));
}

function hasBulkHeaders(message: MessageModel): boolean {
  const precedence = message.header("precedence")?.value.trim().toLowerCase();
  return (
    message.header("list-unsubscribe") !== undefined ||
    message.header("list-id") !== undefined ||
    // Gmail's feedback loop header is only set by bulk senders
    message.header("feedback-id") !== undefined ||
    precedence === "bulk" ||
    precedence === "list" ||
    precedence === "junk"
  );
}

function webLinkTargets(message: MessageModel): number {
  if (!message.htmlBody) return 0;
  const targets = new Set<string>();
  for (const link of message.links) {
    if (link.source === "a" && (link.scheme === "http" || link.scheme === "https")) targets.add(link.href);
    if (targets.size >= BULK_MIN_LINK_TARGETS) break;
  }
  return targets.size;
}
