import { describe, expect, it } from "vitest";
import type { ChatReply } from "../../../src/contract.js";
import { ChatReplySchema } from "../../../src/contract.js";
import { ChatFailure, describeChatFailure, requestReply } from "../../../src/widget/chat-client.js";

const reply: ChatReply = ChatReplySchema.parse({
  type: "answer",
  text: "Sessions last about an hour [1].",
  citations: [{ n: 1, articleId: "a", title: "About sessions", section: null, url: "https://clinic.example/a", quote: "about an hour" }],
  disclaimer: "General information, not medical advice.",
  actions: [{ kind: "book", label: "Book a consultation", href: "https://clinic.example/book?topic=sessions" }],
  sessionId: "s1",
});

const sse = (event: string, data: unknown) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
const fullStream = [
  sse("meta", { type: reply.type, sessionId: reply.sessionId }),
  sse("delta", { text: "Sessions last" }),
  sse("delta", { text: " about an hour [1]." }),
  sse("citations", { citations: reply.citations }),
  sse("actions", { actions: reply.actions, disclaimer: reply.disclaimer }),
  sse("done", reply),
];

function streamResponse(chunks: string[], opts: { failAfter?: number; contentType?: string } = {}): Response {
  let i = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (opts.failAfter !== undefined && i === opts.failAfter) return controller.error(new TypeError("connection reset"));
      const next = chunks[i++];
      if (next === undefined) controller.close();
      else controller.enqueue(new TextEncoder().encode(next));
    },
  });
  return new Response(body, { status: 200, headers: { "content-type": opts.contentType ?? "text/event-stream; charset=utf-8" } });
}

const jsonResponse = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

/** A fetch that answers from a queue and records what was asked. */
function fakeFetch(...responses: Array<Response | Error>) {
  const calls: Array<{ url: string; accept: string; body: unknown }> = [];
  const fetch = async (url: string, init: RequestInit) => {
    calls.push({ url, accept: new Headers(init.headers).get("accept") ?? "", body: JSON.parse(String(init.body)) });
    const next = responses.shift();
    if (!next) throw new Error("unexpected extra request");
    if (next instanceof Error) throw next;
    return next;
  };
  return { fetch, calls };
}

const body = { message: "How long is a session?", history: [] };

describe("requestReply with a crisis notice", () => {
  const notice = { level: "possible" as const, text: "If you're thinking about harming yourself, call or text 988.", actions: [{ kind: "call" as const, label: "Call or text 988", href: "tel:988" }] };

  it("reports the notice before any text, and keeps it in the reply even when done never comes", async () => {
    const order: string[] = [];
    const withNotice = { ...reply, safety: notice };
    const { fetch } = fakeFetch(streamResponse([sse("safety", notice), ...fullStream.slice(0, -1)]));
    const result = await requestReply({ apiBase: "https://api.example", fetch }, body, { onSafety: () => order.push("safety"), onText: () => order.push("text") });
    expect(order[0]).toBe("safety");
    expect(order.filter((o) => o === "safety")).toHaveLength(1);
    expect(result).toEqual(withNotice);
  });

  it("drops a malformed notice instead of trusting it", async () => {
    const { fetch } = fakeFetch(jsonResponse({ ...reply, safety: { level: "possible", text: "", actions: [] } }));
    const result = await requestReply({ apiBase: "https://api.example", fetch }, body);
    expect(result).toEqual(reply);
    expect("safety" in result).toBe(false);
  });
});

describe("requestReply", () => {
  it("streams text progressively and resolves with the done reply", async () => {
    const { fetch, calls } = fakeFetch(streamResponse(fullStream));
    const texts: string[] = [];
    const metas: string[] = [];
    const result = await requestReply({ apiBase: "https://api.example", fetch }, body, { onText: (t) => texts.push(t), onMeta: (type) => metas.push(type) });
    expect(result).toEqual(reply);
    expect(texts).toEqual(["Sessions last", "Sessions last about an hour [1]."]);
    expect(metas).toEqual(["answer"]);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe("https://api.example/api/chat");
    expect(calls[0]!.accept).toContain("text/event-stream");
    expect(calls[0]!.body).toEqual(body);
  });

  it("uses a JSON body directly when the server does not stream", async () => {
    const { fetch, calls } = fakeFetch(jsonResponse(reply));
    expect(await requestReply({ apiBase: "", fetch }, body)).toEqual(reply);
    expect(calls).toHaveLength(1);
  });

  it("falls back to JSON when the stream breaks before any text", async () => {
    const { fetch, calls } = fakeFetch(streamResponse(fullStream, { failAfter: 1 }), jsonResponse(reply));
    const texts: string[] = [];
    expect(await requestReply({ apiBase: "", fetch }, body, { onText: (t) => texts.push(t) })).toEqual(reply);
    expect(texts).toEqual([]);
    expect(calls.map((c) => c.accept)).toEqual(["text/event-stream", "application/json"]);
  });

  it("falls back to JSON when the stream ends empty", async () => {
    const { fetch, calls } = fakeFetch(streamResponse([": nothing here\n\n"]), jsonResponse(reply));
    expect(await requestReply({ apiBase: "", fetch }, body)).toEqual(reply);
    expect(calls).toHaveLength(2);
  });

  it("reports an interruption (and does not ask again) once text was shown", async () => {
    const { fetch, calls } = fakeFetch(streamResponse(fullStream, { failAfter: 2 }));
    const err = await requestReply({ apiBase: "", fetch }, body).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ChatFailure);
    expect((err as ChatFailure).kind).toBe("interrupted");
    expect(calls).toHaveLength(1);
  });

  it("assembles the reply from its parts when done is missing", async () => {
    const { fetch } = fakeFetch(streamResponse(fullStream.slice(0, -1)));
    expect(await requestReply({ apiBase: "", fetch }, body)).toEqual(reply);
  });

  it("surfaces a server error event without retrying", async () => {
    const { fetch, calls } = fakeFetch(streamResponse([fullStream[0]!, sse("error", { code: "internal_error", message: "Something went wrong. Please try again." })]));
    const err = (await requestReply({ apiBase: "", fetch }, body).catch((e: unknown) => e)) as ChatFailure;
    expect(err.kind).toBe("server");
    expect(err.message).toBe("Something went wrong. Please try again.");
    expect(calls).toHaveLength(1);
  });

  it("rejects a reply that does not match the contract", async () => {
    const { fetch } = fakeFetch(jsonResponse({ ...reply, citations: [{ n: "1" }] }));
    const err = (await requestReply({ apiBase: "", fetch }, body).catch((e: unknown) => e)) as ChatFailure;
    expect(err.kind).toBe("invalid");
  });

  it("passes the API's validation message through for 4xx", async () => {
    const { fetch } = fakeFetch(jsonResponse({ error: { code: "invalid_request", message: "message must be at most 2000 characters" } }, 400));
    const err = await requestReply({ apiBase: "", fetch }, body).catch((e: unknown) => e);
    expect(describeChatFailure(err)).toBe("message must be at most 2000 characters");
  });

  it("explains rate limits, server failures and network failures in plain words", async () => {
    const rate = await requestReply({ apiBase: "", fetch: fakeFetch(jsonResponse({ error: { code: "rate_limited", message: "x" } }, 429)).fetch }, body).catch((e: unknown) => e);
    expect(describeChatFailure(rate)).toMatch(/wait a minute/);
    const down = await requestReply({ apiBase: "", fetch: fakeFetch(new Response("bad gateway", { status: 502 })).fetch }, body).catch((e: unknown) => e);
    expect(describeChatFailure(down)).toMatch(/trouble/);
    const offline = await requestReply({ apiBase: "", fetch: fakeFetch(new TypeError("Failed to fetch")).fetch }, body).catch((e: unknown) => e);
    expect((offline as ChatFailure).kind).toBe("network");
    expect(describeChatFailure(offline)).toMatch(/couldn't reach/);
  });
});
