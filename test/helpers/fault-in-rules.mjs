// Test-only fault injection, preloaded with `node --import` (NODE_OPTIONS, so worker threads load it
// too): String#matchAll throws when a rule's check calls it on a text carrying the sentinel below. It
// stands for a bug of ours that one odd message triggers inside a rule, with no test hook in the code.
const indexOf = String.prototype.indexOf;
const matchAll = String.prototype.matchAll;
export const SENTINEL = "FAULT-INJECTED-7f3a";

String.prototype.matchAll = function (pattern) {
  // only inside a rule's check (rules are objects with a check method), not in the parser or the model
  // (the session's check method builds the model: buildModel is then on the stack)
  const stack = new Error().stack ?? "";
  if (indexOf.call(String(this), SENTINEL) >= 0 && indexOf.call(stack, "at Object.check (") >= 0 && indexOf.call(stack, "at buildModel (") < 0) throw new Error("injected fault");
  return matchAll.call(this, pattern);
};
