/** Liveness and readiness probes. */
import { Hono } from "hono";

export interface ReadyInfo {
  articles: number;
  chunks: number;
  embedder: string;
  corpusHash: string;
  answerer: "extractive" | "llm";
}

export function createHealthRoutes(deps: { ready: () => ReadyInfo | null }) {
  const app = new Hono();
  app.get("/healthz", (c) => c.json({ status: "ok" }));
  app.get("/readyz", (c) => {
    const info = deps.ready();
    return info ? c.json({ status: "ready", ...info }) : c.json({ status: "starting" }, 503);
  });
  return app;
}
