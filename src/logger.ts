/**
 * Minimal structured logger (JSON lines on stderr). Callers pass fields, never
 * message text or contact details; `fingerprint` turns an identifier into a
 * short, non-reversible tag for correlating log lines.
 */
import { createHash } from "node:crypto";

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

/** Short salted hash for log correlation (session ids, client keys). */
export function fingerprint(value: string): string {
  return createHash("sha256").update(`clinic-faq:${value}`).digest("hex").slice(0, 12);
}
