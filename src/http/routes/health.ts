/** Liveness and readiness probes. */
import { Hono } from "hono";

export interface ReadyInfo {
  articles: number;
  chunks: number;
  embedder: string;
  corpusHash: string;
  answerer: "extractive" | "llm";
}

/** Why a loaded index cannot answer anything (an index built before the build refused empty corpora). */
export function uselessIndexReason(info: Pick<ReadyInfo, "articles" | "chunks">): string | null {
  if (info.articles === 0 || info.chunks === 0) {
    return "The index has no approved articles, so every question would get \"I don't have that information\". Add articles with `status: approved` and rebuild (`npm run index`).";
  }
  return null;
}

export function createHealthRoutes(deps: { ready: () => ReadyInfo | null }) {
  const app = new Hono();
  app.get("/healthz", (c) => c.json({ status: "ok" }));
  app.get("/readyz", (c) => {
    const info = deps.ready();
    if (!info) return c.json({ status: "starting" }, 503);
    const reason = uselessIndexReason(info);
    // A load balancer must not send patients to an assistant that cannot answer.
    return reason ? c.json({ status: "not_ready", reason, ...info }, 503) : c.json({ status: "ready", ...info });
  });
  return app;
}
