/**
 * msw fakes of the OpenAI HTTP API (chat completions, streaming included, and
 * embeddings). The real @langchain/openai client runs against them, so tests
 * exercise the actual requests and the actual response parsing. Also used by
 * the eval suite to run LLM mode without a provider.
 */
import { http, HttpResponse, type HttpHandler } from "msw";
import { setupServer, type SetupServer } from "msw/node";

export const OPENAI_BASE_URL = "https://api.openai.com/v1";

export interface RecordedRequest {
  url: string;
  headers: Record<string, string>;
  body: Record<string, unknown>;
  /** Set when the client aborted the request (timeout, deadline). */
  aborted: boolean;
}

export interface ChatAnswer {
  covered: boolean;
  sentences: Array<{ text: string; citations: number[] }>;
}

/** What the fake model says: fixed JSON, raw content (for malformed output), or a function of the request. */
export type ChatBehaviour = ChatAnswer | { raw: string } | ((request: RecordedRequest) => ChatAnswer | { raw: string });

export interface OpenAiMock {
  server: SetupServer;
  /** Every request the fake received, in order. */
  requests: RecordedRequest[];
  chatRequests(): RecordedRequest[];
  embeddingRequests(): RecordedRequest[];
  /** Replaces the handlers for the next requests (until `reset`). */
  use(...handlers: HttpHandler[]): void;
  reset(): void;
  close(): void;
}

async function record(request: Request, requests: RecordedRequest[]): Promise<RecordedRequest> {
  const entry: RecordedRequest = {
    url: request.url,
    headers: Object.fromEntries(request.headers.entries()),
    body: (await request.clone().json()) as Record<string, unknown>,
    aborted: request.signal.aborted,
  };
  request.signal.addEventListener("abort", () => (entry.aborted = true), { once: true });
  requests.push(entry);
  return entry;
}

function contentOf(behaviour: ChatBehaviour, request: RecordedRequest): string {
  const value = typeof behaviour === "function" ? behaviour(request) : behaviour;
  return "raw" in value ? value.raw : JSON.stringify(value);
}

function completion(model: string, content: string) {
  return {
    id: "chatcmpl-test",
    object: "chat.completion",
    created: 1_700_000_000,
    model,
    choices: [{ index: 0, message: { role: "assistant", content, refusal: null }, logprobs: null, finish_reason: "stop" }],
    usage: { prompt_tokens: 100, completion_tokens: 50, total_tokens: 150 },
  };
}

/** Server-sent chunks of the content, a few characters each, like a real stream; `breakAfter` cuts the connection after that many characters. */
function streamBody(model: string, content: string, pieceChars = 12, breakAfter?: number): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const frames: string[] = [];
  const chunk = (delta: Record<string, unknown>, finish: string | null) =>
    `data: ${JSON.stringify({ id: "chatcmpl-test", object: "chat.completion.chunk", created: 1_700_000_000, model, choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }] })}\n\n`;
  frames.push(chunk({ role: "assistant", content: "" }, null));
  const end = breakAfter ?? content.length;
  for (let i = 0; i < end; i += pieceChars) frames.push(chunk({ content: content.slice(i, Math.min(i + pieceChars, end)) }, null));
  if (breakAfter === undefined) frames.push(chunk({}, "stop"), "data: [DONE]\n\n");
  let next = 0;
  // Pull-based, so a broken stream delivers its frames before the error (erroring discards queued chunks).
  return new ReadableStream({
    pull(controller) {
      if (next < frames.length) controller.enqueue(encoder.encode(frames[next++]!));
      else if (breakAfter === undefined) controller.close();
      else controller.error(new Error("connection reset"));
    },
  });
}

export interface ChatHandlerOptions {
  baseUrl?: string;
  requests: RecordedRequest[];
  /** Streaming only: cut the connection after this many characters of content. */
  breakStreamAfter?: number;
}

/** A chat-completions endpoint answering with `behaviour` (JSON, or SSE when the request streams). */
export function chatCompletionHandler(behaviour: ChatBehaviour, { baseUrl = OPENAI_BASE_URL, requests, breakStreamAfter }: ChatHandlerOptions): HttpHandler {
  return http.post(`${baseUrl}/chat/completions`, async ({ request }) => {
    const entry = await record(request, requests);
    const model = String(entry.body.model);
    const content = contentOf(behaviour, entry);
    if (entry.body.stream === true) {
      return new HttpResponse(streamBody(model, content, 12, breakStreamAfter), { headers: { "content-type": "text/event-stream" } });
    }
    return HttpResponse.json(completion(model, content));
  });
}

/** A chat-completions endpoint failing with an HTTP error. */
export function chatErrorHandler(status: number, { baseUrl = OPENAI_BASE_URL, requests, headers = {} }: ChatHandlerOptions & { headers?: Record<string, string> }): HttpHandler {
  return http.post(`${baseUrl}/chat/completions`, async ({ request }) => {
    await record(request, requests);
    return HttpResponse.json({ error: { message: `fake ${status}`, type: "test_error", code: null } }, { status, headers });
  });
}

/** A chat-completions endpoint that never answers: it waits until the client gives up. */
export function chatHangHandler({ baseUrl = OPENAI_BASE_URL, requests }: ChatHandlerOptions): HttpHandler {
  return http.post(`${baseUrl}/chat/completions`, async ({ request }) => {
    await record(request, requests);
    await new Promise<void>((resolve) => {
      if (request.signal.aborted) resolve();
      request.signal.addEventListener("abort", () => resolve(), { once: true });
      // Safety net so a test that forgets its timeout cannot hang the suite.
      setTimeout(resolve, 30_000).unref();
    });
    return HttpResponse.json({ error: { message: "too late" } }, { status: 504 });
  });
}

/** A network failure (connection reset). */
export function chatNetworkErrorHandler({ baseUrl = OPENAI_BASE_URL, requests }: ChatHandlerOptions): HttpHandler {
  return http.post(`${baseUrl}/chat/completions`, async ({ request }) => {
    await record(request, requests);
    return HttpResponse.error();
  });
}

/** Deterministic unit vector for a text (same text, same vector). */
export function fakeVector(text: string, dimensions: number): number[] {
  let h = 2166136261;
  const v: number[] = [];
  for (let i = 0; i < dimensions; i++) {
    for (let j = 0; j < text.length; j += 7) h = Math.imul(h ^ text.charCodeAt(j) ^ i, 16777619);
    v.push(((h >>> 0) % 2000) / 1000 - 1);
  }
  const norm = Math.hypot(...v) || 1;
  return v.map((x) => x / norm);
}

/** An embeddings endpoint returning `fakeVector` for each input. */
export function embeddingsHandler(dimensions: number, { baseUrl = OPENAI_BASE_URL, requests }: ChatHandlerOptions): HttpHandler {
  return http.post(`${baseUrl}/embeddings`, async ({ request }) => {
    const entry = await record(request, requests);
    const input = entry.body.input;
    const texts = Array.isArray(input) ? input.map(String) : [String(input)];
    return HttpResponse.json({
      object: "list",
      // The OpenAI SDK asks for base64 (little-endian float32) unless told otherwise, as the real API allows.
      data: texts.map((t, index) => {
        const vector = fakeVector(t, dimensions);
        const embedding = entry.body.encoding_format === "base64" ? Buffer.from(new Float32Array(vector).buffer).toString("base64") : vector;
        return { object: "embedding", index, embedding };
      }),
      model: String(entry.body.model),
      usage: { prompt_tokens: texts.length, total_tokens: texts.length },
    });
  });
}

/**
 * Starts an msw server. By default a request it has no handler for fails
 * (nothing leaks to the network); "bypass" lets other traffic through.
 */
export function startOpenAiMock(
  handlers: HttpHandler[] = [],
  options: { onUnhandledRequest?: "error" | "bypass"; requests?: RecordedRequest[] } = {},
): OpenAiMock {
  const requests: RecordedRequest[] = options.requests ?? [];
  const server = setupServer(...handlers);
  server.listen({ onUnhandledRequest: options.onUnhandledRequest ?? "error" });
  return {
    server,
    requests,
    chatRequests: () => requests.filter((r) => r.url.endsWith("/chat/completions")),
    embeddingRequests: () => requests.filter((r) => r.url.endsWith("/embeddings")),
    use: (...h) => server.use(...h),
    reset: () => {
      server.resetHandlers();
      requests.length = 0;
    },
    close: () => server.close(),
  };
}

// ------------------------------------------------------------ fake models

export interface PromptView {
  question: string;
  passages: Array<{ n: number; title: string; section: string | null; text: string }>;
}

/** Reads the passages and the question back out of a recorded answer request. */
export function readPrompt(request: RecordedRequest): PromptView {
  const messages = request.body.messages as Array<{ role: string; content: string }>;
  const user = messages.find((m) => m.role === "user")?.content ?? "";
  const passages = [...user.matchAll(/<passage n="(\d+)" title="([^"]*)"(?: section="([^"]*)")?>\n([\s\S]*?)\n<\/passage>/g)].map((m) => ({
    n: Number(m[1]),
    title: m[2]!,
    section: m[3] ?? null,
    text: m[4]!,
  }));
  const question = /<question>([\s\S]*?)<\/question>/.exec(user)?.[1] ?? "";
  return { question, passages };
}

const STOP = new Set("a an the and or of to in on for with is are was be it this that what how does do can i my you your will".split(" "));
const words = (s: string) => (s.toLowerCase().match(/[a-z0-9]+/g) ?? []).filter((w) => !STOP.has(w));

/**
 * A faithful fake model: answers with the one or two passage sentences that
 * share the most words with the question, cited to their passage; "not
 * covered" when nothing shares a word. Lets the eval suite and integration
 * tests run LLM mode end to end without a provider.
 */
export const faithfulModel = (request: RecordedRequest): ChatAnswer => {
  const { question, passages } = readPrompt(request);
  const q = new Set(words(question));
  const scored = passages.flatMap((p) =>
    p.text
      .split(/\n|(?<=[.!?])\s+(?=[A-Z0-9])/)
      .filter((s) => s.split(/\s+/).length >= 5 && !s.trim().endsWith("?"))
      .map((s) => ({ n: p.n, text: s.trim(), score: words(s).filter((w) => q.has(w)).length })),
  );
  scored.sort((a, b) => b.score - a.score);
  const chosen = scored.filter((s) => s.score > 0).slice(0, 2);
  if (chosen.length === 0) return { covered: false, sentences: [] };
  return { covered: true, sentences: chosen.map((s) => ({ text: s.text, citations: [s.n] })) };
};

/**
 * A whole fake provider for LLM mode (eval suite, end-to-end tests): the
 * faithful chat model and embeddings, at `baseUrl`, kept across `reset()`.
 * Point the product at it with OPENAI_API_KEY=any and OPENAI_BASE_URL=baseUrl.
 */
export function startFakeOpenAi(options: { baseUrl?: string; embeddingDimensions?: number; onUnhandledRequest?: "error" | "bypass" } = {}): OpenAiMock {
  const requests: RecordedRequest[] = [];
  const baseUrl = options.baseUrl ?? OPENAI_BASE_URL;
  return startOpenAiMock(
    [chatCompletionHandler(faithfulModel, { baseUrl, requests }), embeddingsHandler(options.embeddingDimensions ?? 1536, { baseUrl, requests })],
    { requests, onUnhandledRequest: options.onUnhandledRequest ?? "bypass" },
  );
}

/**
 * Serves msw handlers on a real local port. Needed where msw cannot intercept
 * in-process: the Worker runs in workerd, a separate process, and calls its
 * OPENAI_BASE_URL over the network.
 */
export async function serveHandlersOverHttp(handlers: HttpHandler[]): Promise<{ baseUrl: string; close(): Promise<void> }> {
  const { createServer } = await import("node:http");
  const { Readable } = await import("node:stream");
  const { getResponse } = await import("msw");
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const request = new Request(`http://${req.headers.host}${req.url}`, {
      method: req.method,
      headers: Object.entries(req.headers).flatMap(([k, v]) => (typeof v === "string" ? [[k, v] as [string, string]] : [])),
      ...(chunks.length ? { body: Buffer.concat(chunks) } : {}),
    });
    const response = (await getResponse(handlers, request)) ?? new Response("no handler", { status: 404 });
    res.writeHead(response.status, Object.fromEntries(response.headers.entries()));
    if (response.body) Readable.fromWeb(response.body as import("node:stream/web").ReadableStream).pipe(res);
    else res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return { baseUrl: `http://127.0.0.1:${port}/v1`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

// -------------------------------------------------------- a drifting model

/**
 * Plausible false claims of the kinds the red-team report saw get through:
 * absolutes, permanence, scope, logistics, cost and safety promises.
 */
export const DRIFT_CLAIMS = [
  "Ketamine therapy is a cure for chronic pain.",
  "Pain relief is permanent after treatment.",
  "Ketamine therapy works for all types of chronic pain.",
  "Relief lasts for years.",
  "Patients can drive home after a session.",
  "Insurance always covers the cost of ketamine therapy.",
  "Ketamine therapy has no side effects at all.",
];

/** Subtle rewrites of a real passage sentence: each keeps most of its words and changes what it claims. */
const DRIFT_REWRITES: Array<(s: string) => string> = [
  (s) => s.replace(/\b(may|can|might|could)\b/, "will always"),
  (s) => s.replace(/\b(Some|Many|Most)\b/, "All"),
  (s) => s.replace(/\.$/, ", and the relief is permanent."),
  (s) => s.replace(/\b(\d+)\b/, (n) => String(Number(n) + 3)),
  (s) => s.replace(/\b(is|are|can|may)\b/, (w) => `${w} not`),
  (s) => s.replace(/\bchronic pain\b/, "every kind of pain"),
  (s) => s.replace(/\b(more|reduce|reducing|rapid|rapidly|increase|increased)\b/, (w) => ({ more: "fewer", reduce: "increase", reducing: "increasing", rapid: "slow", rapidly: "slowly", increase: "decrease", increased: "decreased" })[w] ?? w),
];

function hashOf(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) >>> 0;
  return h;
}

export interface DriftingModel {
  model: (request: RecordedRequest) => ChatAnswer;
  /** Every false sentence the model has said so far. */
  injected: string[];
}

/**
 * A model that drifts subtly, as in the red-team report: valid grounded_answer
 * JSON, real citations to the passages it was given, and on top of the
 * faithful sentences one false claim per answer — a stand-alone invented
 * claim or a passage sentence rewritten to say more than it does, cited to
 * that sentence's own passage. With `only`, it says nothing but the drift.
 */
export function driftingModel(options: { only?: boolean } = {}): DriftingModel {
  const injected: string[] = [];
  const model = (request: RecordedRequest): ChatAnswer => {
    const faithful = faithfulModel(request);
    const first = faithful.sentences[0];
    if (!faithful.covered || !first) return faithful;
    const h = hashOf(readPrompt(request).question);
    let drift: string;
    if (h % 2 === 0) drift = DRIFT_CLAIMS[(h >>> 1) % DRIFT_CLAIMS.length]!;
    else {
      const start = (h >>> 1) % DRIFT_REWRITES.length;
      const rewrites = DRIFT_REWRITES.map((_, i) => DRIFT_REWRITES[(start + i) % DRIFT_REWRITES.length]!(first.text));
      drift = rewrites.find((r) => r !== first.text) ?? DRIFT_CLAIMS[0]!;
    }
    injected.push(drift);
    const driftSentence = { text: drift, citations: first.citations };
    return { covered: true, sentences: options.only ? [driftSentence] : [...faithful.sentences, driftSentence] };
  };
  return { model, injected };
}
