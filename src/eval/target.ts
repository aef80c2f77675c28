/**
 * Where the eval sends questions: the real Hono app in this process
 * (`app.request`) or a live server over HTTP. Both speak the public chat
 * contract; ranked passages come from `POST /internal/retrieve` when the
 * server exposes it (INTERNAL_API=true).
 */
import type { ChatRequest, Turn } from "../contract.js";
import type { RankedPassage } from "../types.js";

export interface TargetInfo {
  /** "in-process" or the base URL. */
  target: string;
  corpusHash: string | null;
  embedder: string | null;
  answerer: string | null;
}

export interface Exchange {
  /** Parsed JSON body (validated by the contract check, not here). */
  reply: unknown;
  status: number;
  latencyMs: number;
}

export interface EvalTarget {
  info(): Promise<TargetInfo>;
  chat(request: ChatRequest): Promise<Exchange>;
  /** Ranked passages for the question, or null when the target does not expose them. */
  rankedPassages(request: ChatRequest): Promise<RankedPassage[] | null>;
}

export class TargetError extends Error {
  override name = "TargetError";
}

type Fetch = (path: string, init?: RequestInit) => Promise<Response>;

const MAX_RATE_LIMIT_RETRIES = 5;

/** Honors 429 Retry-After (a live server rate-limits by client address). */
async function withRetry(send: () => Promise<Response>, sleep: (ms: number) => Promise<void>): Promise<Response> {
  for (let attempt = 0; ; attempt++) {
    const response = await send();
    if (response.status !== 429 || attempt >= MAX_RATE_LIMIT_RETRIES) return response;
    const seconds = Number(response.headers.get("retry-after"));
    await sleep(Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, 60) * 1000 : 1000 * (attempt + 1));
  }
}

function postJson(fetcher: Fetch, path: string, body: unknown): Promise<Response> {
  return fetcher(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
}

function createTarget(fetcher: Fetch, name: string, sleep: (ms: number) => Promise<void>): EvalTarget {
  let retrieveAvailable: boolean | null = null;
  return {
    async info() {
      const response = await fetcher("/readyz");
      if (!response.ok) throw new TargetError(`${name}: /readyz answered ${response.status}; is the assistant running and ready?`);
      const body = (await response.json()) as Record<string, unknown>;
      const str = (v: unknown) => (typeof v === "string" ? v : null);
      return { target: name, corpusHash: str(body.corpusHash), embedder: str(body.embedder), answerer: str(body.answerer) };
    },
    async chat(request) {
      const started = performance.now();
      const response = await withRetry(() => postJson(fetcher, "/api/chat", request), sleep);
      const text = await response.text();
      const latencyMs = performance.now() - started;
      let reply: unknown = null;
      try {
        reply = JSON.parse(text);
      } catch {
        reply = { error: { code: "not_json", message: text.slice(0, 200) } };
      }
      return { reply, status: response.status, latencyMs };
    },
    async rankedPassages(request) {
      if (retrieveAvailable === false) return null;
      const response = await withRetry(() => postJson(fetcher, "/internal/retrieve", request), sleep);
      if (response.status === 404) {
        retrieveAvailable = false;
        return null;
      }
      if (!response.ok) throw new TargetError(`${name}: /internal/retrieve answered ${response.status}`);
      retrieveAvailable = true;
      const body = (await response.json()) as { passages?: RankedPassage[] };
      return Array.isArray(body.passages) ? body.passages : [];
    },
  };
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The app in this process, through `app.request` (no network, no port). */
export function inProcessTarget(app: { request: (path: string, init?: RequestInit) => Response | Promise<Response> }): EvalTarget {
  return createTarget(async (path, init) => app.request(path, init), "in-process", realSleep);
}

/** A live server; connection problems become one clear TargetError. */
export function httpTarget(baseUrl: string, sleep = realSleep): EvalTarget {
  const base = baseUrl.replace(/\/+$/, "");
  return createTarget(async (path, init) => {
    try {
      return await fetch(`${base}${path}`, { ...init, signal: AbortSignal.timeout(60_000) });
    } catch (err) {
      const cause = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).message;
      throw new TargetError(`cannot reach ${base}${path} (${cause}); start the server with \`npm start\` or check --url`);
    }
  }, base, sleep);
}

export function chatRequestFor(question: string, history: Turn[] | undefined): ChatRequest {
  return history && history.length > 0 ? { message: question, history } : { message: question };
}
