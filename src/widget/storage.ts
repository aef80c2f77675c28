/**
 * The conversation for this page session, kept in sessionStorage so it
 * survives navigation between pages of the clinic site but not the tab.
 * Storage can be disabled, full or shared with other scripts: every access is
 * guarded and whatever is read back is re-validated.
 */
import type { ChatReply, Turn } from "../contract.js";
import { MAX_HISTORY_TURNS, MAX_TURN_CHARS } from "./limits.js";
import { asReply, isObject, isString } from "./validate.js";

export type StoredMessage = { role: "user"; text: string } | { role: "assistant"; reply: ChatReply };

export interface Conversation {
  sessionId: string | null;
  messages: StoredMessage[];
}

/** Enough for the history the API accepts plus what the patient scrolls back to. */
const MAX_STORED_MESSAGES = 40;

export const emptyConversation = (): Conversation => ({ sessionId: null, messages: [] });

export function storageKey(apiBase: string): string {
  return `clinic-chat:v1:${apiBase}`;
}

function asStoredMessage(v: unknown): StoredMessage | null {
  if (!isObject(v)) return null;
  if (v.role === "user" && isString(v.text)) return { role: "user", text: v.text };
  if (v.role === "assistant") {
    const reply = asReply(v.reply);
    return reply ? { role: "assistant", reply } : null;
  }
  return null;
}

export function parseConversation(raw: string | null): Conversation {
  if (!raw) return emptyConversation();
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return emptyConversation();
  }
  if (!isObject(data) || !Array.isArray(data.messages)) return emptyConversation();
  const messages = data.messages.map(asStoredMessage).filter((m): m is StoredMessage => m !== null);
  const sessionId = isString(data.sessionId) && /^[A-Za-z0-9_-]{1,128}$/.test(data.sessionId) ? data.sessionId : null;
  return { sessionId, messages: messages.slice(-MAX_STORED_MESSAGES) };
}

type StorageLike = Pick<Storage, "getItem" | "setItem">;

function sessionStore(): StorageLike | null {
  try {
    return window.sessionStorage;
  } catch {
    return null; // Blocked by privacy settings or a sandboxed frame.
  }
}

export function loadConversation(key: string, store: StorageLike | null = sessionStore()): Conversation {
  try {
    return parseConversation(store?.getItem(key) ?? null);
  } catch {
    return emptyConversation();
  }
}

export function saveConversation(key: string, conversation: Conversation, store: StorageLike | null = sessionStore()): void {
  const trimmed: Conversation = { sessionId: conversation.sessionId, messages: conversation.messages.slice(-MAX_STORED_MESSAGES) };
  try {
    store?.setItem(key, JSON.stringify(trimmed));
  } catch {
    // Quota exceeded or storage disabled: the conversation still works for this page.
  }
}

/**
 * The history the API accepts: the last turns before the new message, each
 * cut to the per-turn limit. Cutting keeps the start, where the question is.
 */
export function historyForRequest(messages: readonly StoredMessage[]): Turn[] {
  return messages.slice(-MAX_HISTORY_TURNS).map((m) => {
    const content = m.role === "user" ? m.text : m.reply.text;
    return { role: m.role, content: truncate(content, MAX_TURN_CHARS) };
  });
}

/** Cuts to `max` UTF-16 units (what the API counts) without leaving half an emoji. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}
