/**
 * Talks to `POST /api/chat`: asks for Server-Sent Events and reports text as
 * it arrives; falls back to the JSON contract when the response is not a
 * stream or the stream breaks before any text was shown.
 */
import type { ChatReply, ReplyType, SafetyNotice, Turn } from "../contract.js";
import { readSse, type SseMessage } from "./sse-client.js";
import { asActions, asApiError, asCitations, asReply, asReplyType, asSafetyNotice, isObject, isString } from "./validate.js";

export interface ChatRequestBody {
  message: string;
  sessionId?: string;
  history?: Turn[];
}

export interface StreamProgress {
  /** The crisis notice, which the server sends before anything else. */
  onSafety?(notice: SafetyNotice): void;
  onMeta?(type: ReplyType, sessionId: string): void;
  /** Called with the whole text received so far. */
  onText?(text: string): void;
}

export type ChatFailureKind = "network" | "http" | "server" | "interrupted" | "invalid";

export class ChatFailure extends Error {
  override name = "ChatFailure";
  constructor(
    readonly kind: ChatFailureKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface ChatClientOptions {
  apiBase: string;
  fetch?: FetchLike;
  signal?: AbortSignal;
}

/** Text the patient sees for a failure: the server's own words for 4xx, ours otherwise. */
export function describeChatFailure(failure: unknown): string {
  if (!(failure instanceof ChatFailure)) return "Something went wrong. Please try again.";
  switch (failure.kind) {
    case "network":
      return "I couldn't reach the clinic's assistant. Check your connection and try again.";
    case "http":
      if (failure.status === 429) return "You're sending messages faster than I can answer. Please wait a minute and try again.";
      if (failure.status !== undefined && failure.status >= 500) return "The assistant is having trouble right now. Please try again in a moment.";
      return failure.message;
    case "interrupted":
      return "The reply was interrupted. Please try again.";
    default:
      return "Something went wrong. Please try again.";
  }
}

async function post(options: ChatClientOptions, body: ChatRequestBody, accept: string): Promise<Response> {
  const doFetch: FetchLike = options.fetch ?? ((input, init) => fetch(input, init));
  try {
    return await doFetch(`${options.apiBase}/api/chat`, {
      method: "POST",
      headers: { "content-type": "application/json", accept },
      body: JSON.stringify(body),
      credentials: "omit",
      signal: options.signal,
    });
  } catch (err) {
    if ((err as Error)?.name === "AbortError") throw err;
    throw new ChatFailure("network", "network error");
  }
}

async function failureFrom(res: Response): Promise<ChatFailure> {
  const body: unknown = await res.json().catch(() => null);
  const apiError = asApiError(body);
  return new ChatFailure("http", apiError?.message ?? `HTTP ${res.status}`, res.status);
}

async function jsonReply(res: Response): Promise<ChatReply> {
  const reply = asReply(await res.json().catch(() => null));
  if (!reply) throw new ChatFailure("invalid", "unexpected reply shape");
  return reply;
}

const isEventStream = (res: Response) => /^text\/event-stream\b/i.test(res.headers.get("content-type") ?? "");

/** Collects stream events into a reply; `done` carries the authoritative full reply. */
class StreamAssembly {
  type: ReplyType | null = null;
  sessionId: string | null = null;
  text = "";
  deltas = 0;
  citations: ChatReply["citations"] | null = null;
  actions: ChatReply["actions"] | null = null;
  disclaimer: string | null = null;
  safety: SafetyNotice | null = null;
  done: ChatReply | null = null;

  constructor(private readonly progress: StreamProgress) {}

  take(message: SseMessage): void {
    let data: unknown;
    try {
      data = JSON.parse(message.data);
    } catch {
      throw new ChatFailure("invalid", `unparseable ${message.event} event`);
    }
    const d = isObject(data) ? data : {};
    switch (message.event) {
      case "safety":
        this.safety = asSafetyNotice(data);
        if (this.safety) this.progress.onSafety?.(this.safety);
        return;
      case "meta": {
        const type = asReplyType(d.type);
        if (!type || !isString(d.sessionId)) throw new ChatFailure("invalid", "bad meta event");
        this.type = type;
        this.sessionId = d.sessionId;
        this.progress.onMeta?.(type, d.sessionId);
        return;
      }
      case "delta":
        if (!isString(d.text)) throw new ChatFailure("invalid", "bad delta event");
        this.text += d.text;
        this.deltas++;
        this.progress.onText?.(this.text);
        return;
      case "citations":
        this.citations = asCitations(d.citations);
        return;
      case "actions":
        this.actions = asActions(d.actions);
        this.disclaimer = isString(d.disclaimer) ? d.disclaimer : null;
        return;
      case "done":
        this.done = asReply(data);
        if (!this.done) throw new ChatFailure("invalid", "bad done event");
        return;
      case "error": {
        const message = isString(d.message) ? d.message : "The assistant could not answer.";
        throw new ChatFailure("server", message);
      }
      default:
      // Unknown events are for newer clients.
    }
  }

  /** The reply, from `done` or from the parts when `done` never came. */
  result(): ChatReply | null {
    if (this.done) return this.done;
    if (this.type && this.sessionId && this.deltas > 0 && this.actions && this.disclaimer) {
      const reply: ChatReply = { type: this.type, text: this.text, citations: this.citations ?? [], disclaimer: this.disclaimer, actions: this.actions, sessionId: this.sessionId };
      return this.safety ? { ...reply, safety: this.safety } : reply;
    }
    return null;
  }
}

/** Sends one message; resolves with the full reply or rejects with a `ChatFailure`. */
export async function requestReply(options: ChatClientOptions, body: ChatRequestBody, progress: StreamProgress = {}): Promise<ChatReply> {
  const res = await post(options, body, "text/event-stream");
  if (!res.ok) throw await failureFrom(res);
  if (!isEventStream(res) || !res.body) return jsonReply(res);

  const assembly = new StreamAssembly(progress);
  try {
    for await (const message of readSse(res.body)) {
      assembly.take(message);
      if (assembly.done) break;
    }
  } catch (err) {
    if (err instanceof ChatFailure && err.kind === "server") throw err;
    if ((err as Error)?.name === "AbortError") throw err;
    // A broken stream is retried as JSON only while nothing was shown yet.
    if (assembly.deltas > 0) throw new ChatFailure("interrupted", "stream broke");
    return fallbackToJson(options, body);
  }
  const reply = assembly.result();
  if (reply) return reply;
  if (assembly.deltas > 0) throw new ChatFailure("interrupted", "stream ended early");
  return fallbackToJson(options, body);
}

async function fallbackToJson(options: ChatClientOptions, body: ChatRequestBody): Promise<ChatReply> {
  const res = await post(options, body, "application/json");
  if (!res.ok) throw await failureFrom(res);
  return jsonReply(res);
}
