/**
 * Shape checks for what the server sends. The widget cannot afford zod in its
 * bundle, and a proxy, a misconfigured origin or an older server version can
 * send anything: these return null instead of trusting the payload.
 */
import type { Action, ChatReply, Citation, ReplyType, SafetyNotice } from "../contract.js";

const REPLY_TYPES: readonly string[] = ["answer", "no_answer", "declined", "emergency", "booking"];
const ACTION_KINDS: readonly string[] = ["book", "call", "link"];

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === "string";
const isNullableString = (v: unknown): v is string | null => v === null || typeof v === "string";

export function asReplyType(v: unknown): ReplyType | null {
  return isString(v) && REPLY_TYPES.includes(v) ? (v as ReplyType) : null;
}

export function asCitation(v: unknown): Citation | null {
  if (!isObject(v)) return null;
  const { n, articleId, title, section, url, quote } = v;
  if (typeof n !== "number" || !Number.isInteger(n) || n < 1) return null;
  if (!isString(articleId) || !isString(title) || !isNullableString(section) || !isNullableString(url) || !isString(quote)) return null;
  return { n, articleId, title, section, url, quote };
}

export function asAction(v: unknown): Action | null {
  if (!isObject(v)) return null;
  const { kind, label, href } = v;
  if (!isString(kind) || !ACTION_KINDS.includes(kind) || !isString(label) || !isString(href)) return null;
  return { kind: kind as Action["kind"], label, href };
}

function asList<T>(v: unknown, item: (x: unknown) => T | null): T[] | null {
  if (!Array.isArray(v)) return null;
  const out: T[] = [];
  for (const x of v) {
    const parsed = item(x);
    if (parsed === null) return null;
    out.push(parsed);
  }
  return out;
}

export const asCitations = (v: unknown): Citation[] | null => asList(v, asCitation);
export const asActions = (v: unknown): Action[] | null => asList(v, asAction);

/** The crisis notice, or null when absent or malformed. */
export function asSafetyNotice(v: unknown): SafetyNotice | null {
  if (!isObject(v) || v.level !== "possible" || !isString(v.text) || !v.text.trim()) return null;
  const actions = asActions(v.actions);
  return actions && actions.length > 0 ? { level: "possible", text: v.text, actions } : null;
}

export function asReply(v: unknown): ChatReply | null {
  if (!isObject(v)) return null;
  const type = asReplyType(v.type);
  const citations = asCitations(v.citations);
  const actions = asActions(v.actions);
  if (!type || !citations || !actions || !isString(v.text) || !isString(v.disclaimer) || !isString(v.sessionId)) return null;
  const safety = asSafetyNotice(v.safety);
  return { type, text: v.text, citations, disclaimer: v.disclaimer, actions, sessionId: v.sessionId, ...(safety ? { safety } : {}) };
}

/** `{"error": {"code", "message"}}` from the API, or null. */
export function asApiError(v: unknown): { code: string; message: string; details: unknown } | null {
  if (!isObject(v) || !isObject(v.error)) return null;
  const { code, message, details } = v.error;
  return isString(code) && isString(message) ? { code, message, details } : null;
}

export { isObject, isString };
