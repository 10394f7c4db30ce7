// The Unicode property classes src/ spells out as ranges (scripts/gen-unicode-classes.mjs writes them to
// src/message/unicode-classes.generated.ts): name → the class body it stands for, used inside `[…]` of a
// pattern with the u flag. scripts/regex-audit.mjs reads a pattern built from them with these instead.
export const UNICODE_CLASSES = {
  LETTER: "\\p{L}",
  NUMBER: "\\p{N}",
  MARK: "\\p{M}",
  CASED_LETTER: "\\p{Lu}\\p{Ll}\\p{Lt}",
  OTHER_LETTER: "\\p{Lo}",
  SPACELESS_SCRIPT: "\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Thai}",
};
