// Command-line inputs → the list of messages to check: files, directories, globs, mbox files, stdin.
import { readFile, statSync } from "node:fs";
import { stat } from "node:fs/promises";
import { extname } from "node:path";
import { promisify } from "node:util";
import { UnreadableInputError, UsageError } from "./errors.js";

export type InputKind = "eml" | "html";

export interface InputMessage {
  /** What the report calls it: the path, "path.mbox#3" for the third message of an mbox, "-" for stdin. */
  readonly name: string;
  /** The file it came from (for SARIF), undefined for stdin. */
  readonly path?: string;
  readonly kind: InputKind;
  /** Line in path where this message starts (mbox messages), 1 otherwise. */
  readonly firstLine: number;
  /** Bytes read() will give, when known before reading (it bounds a batch's read-ahead). */
  readonly size?: number;
  read(): Promise<Buffer>;
}

const CHECKED_EXTENSIONS = new Set([".eml", ".html", ".htm", ".mbox"]);

export interface InputLimits {
  readonly maxInputBytes: number;
}

export async function expandInputs(args: readonly string[], limits: InputLimits, stdin: () => Promise<Buffer>): Promise<InputMessage[]> {
  const messages: InputMessage[] = [];
  for (const arg of args) {
    if (arg === "-") {
      messages.push({ name: "-", kind: "eml", firstLine: 1, read: stdin });
      continue;
    }
    // stat'd synchronously, in path order (the first failing file is the one reported): a promise, a
    // thread-pool request and a Stats object per file made a 10,000-file directory allocate 19 MB in
    // this thread, which grew its heap for the rest of the run, and cost 5x the CPU (bench/ANALYSIS.md)
    for (const path of await pathsOf(arg)) {
      const found = messagesIn(path, limits);
      for (const message of Array.isArray(found) ? found : await found) messages.push(message);
    }
  }
  return messages;
}

// fs.readFile with a callback: fs/promises' readFile goes through a FileHandle in several awaited steps
// and costs more CPU per small file (1,000 corpus messages read in turn: 48-136 ms against 33 ms).
const readWhole = promisify(readFile);

async function pathsOf(arg: string): Promise<string[]> {
  const info = await stat(arg).catch(() => undefined);
  if (info?.isFile()) return [arg];
  const { glob, isDynamicPattern } = await import("tinyglobby");
  if (info?.isDirectory()) {
    const found = await glob([`${arg.replace(/\/+$/, "")}/**/*.{eml,html,htm,mbox}`], { dot: false, expandDirectories: false });
    return found.sort();
  }
  if (isDynamicPattern(arg)) {
    const found = (await glob([arg], { dot: false, expandDirectories: false })).filter((path) => CHECKED_EXTENSIONS.has(extname(path).toLowerCase()));
    if (found.length === 0) throw new UsageError(`no .eml, .html, .htm or .mbox file matches ${arg}`);
    return found.sort();
  }
  throw new UsageError(`cannot read ${arg}: no such file or directory`);
}

function messagesIn(path: string, limits: InputLimits): InputMessage[] | Promise<InputMessage[]> {
  const extension = extname(path).toLowerCase();
  const size = statSync(path).size;
  if (size > limits.maxInputBytes) {
    throw new UsageError(`${path} is ${size} bytes, over the input limit of ${limits.maxInputBytes} bytes (limits.maxInputBytes in the config file)`);
  }
  const read = () =>
    readWhole(path).catch((error: NodeJS.ErrnoException) => {
      const reason = error.code === "EACCES" ? "permission denied" : (error.code ?? error.message);
      throw new UnreadableInputError(reason, `cannot read ${path}: ${reason}`);
    });
  if (extension === ".mbox") return read().then((bytes) => splitMbox(path, bytes));
  return [{ name: path, path, kind: extension === ".html" || extension === ".htm" ? "html" : "eml", firstLine: 1, size, read }];
}

/** mbox (RFC 4155): messages start at "From " lines after a blank line; ">From " quoting is undone (mboxrd). */
export function splitMbox(path: string, bytes: Buffer): InputMessage[] {
  const text = bytes.toString("latin1");
  const starts: { offset: number; line: number }[] = [];
  let line = 1;
  let offset = 0;
  let previousBlank = true;
  while (offset < text.length) {
    let end = text.indexOf("\n", offset);
    if (end === -1) end = text.length;
    const content = text.slice(offset, end).replace(/\r$/, "");
    if (previousBlank && content.startsWith("From ")) starts.push({ offset: end + 1, line: line + 1 });
    previousBlank = content === "";
    offset = end + 1;
    line++;
  }
  if (starts.length === 0) throw new UsageError(`${path} is not an mbox file: no "From " separator line`);
  return starts.map((start, index) => {
    const next = starts[index + 1];
    // the separator of the next message is preceded by the blank line that ends this one
    const end = next ? text.lastIndexOf("\n", text.lastIndexOf("\n", next.offset - 2) - 1) + 1 : text.length;
    const body = text.slice(start.offset, Math.max(start.offset, end)).replace(/^>(>*From )/gm, "$1");
    const message = Buffer.from(body, "latin1");
    return { name: `${path}#${index + 1}`, path, kind: "eml" as const, firstLine: start.line, size: message.length, read: async () => message };
  });
}
