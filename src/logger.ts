/**
 * Minimal structured logger (JSON lines on stderr). Callers pass fields, never
 * message text or contact details; a fingerprinter turns an identifier into a
 * short tag for correlating log lines.
 */
import { createHmac, randomBytes } from "node:crypto";

export type LogLevel = "debug" | "info" | "warn" | "error" | "silent";
export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export function createLogger(level: LogLevel = "info", write: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): Logger {
  const emit = (at: Exclude<LogLevel, "silent">) => (msg: string, fields: LogFields = {}) => {
    if (ORDER[at] < ORDER[level]) return;
    write(JSON.stringify({ time: new Date().toISOString(), level: at, msg, ...fields }));
  };
  return { debug: emit("debug"), info: emit("info"), warn: emit("warn"), error: emit("error") };
}

export const silentLogger: Logger = createLogger("silent");

export type Fingerprinter = (value: string) => string;

/**
 * Short tags for correlating log lines (a chat session's turns) that nobody
 * can recompute from the identifier: an HMAC under a random key that lives
 * only in this process's memory, derived afresh each UTC day. A fixed salt
 * in the source would let anyone holding a session id — a lead carries one
 * when the clinic opts in — find that person's chats in the logs. The cost:
 * tags differ between processes and days, which log correlation never needs.
 */
export function createFingerprinter(options: { key?: Uint8Array; now?: () => number } = {}): Fingerprinter {
  const key = options.key ?? randomBytes(32);
  const now = options.now ?? Date.now;
  let day = "";
  let dayKey: Buffer = Buffer.alloc(0);
  return (value) => {
    const today = new Date(now()).toISOString().slice(0, 10);
    if (today !== day) {
      day = today;
      dayKey = createHmac("sha256", key).update(`log-fingerprint:${today}`).digest();
    }
    return createHmac("sha256", dayKey).update(value).digest("hex").slice(0, 12);
  };
}
