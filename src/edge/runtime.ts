/**
 * Wires the product together for Cloudflare Workers: the bundled edge index
 * → the same pipeline and Hono app as Node (src/pipeline.ts, src/http/app.ts),
 * with the Workers seams: brute-force vectors instead of hnswlib, D1 instead
 * of SQLite for leads, a cron pass instead of the deliverer's timer loop.
 */
import type { Hono } from "hono";
import { ConfigError, configFromWorkerEnv, type Config } from "../config.js";
import { createOpenAIEmbeddings } from "../embed/openai.js";
import type { IdentifiedEmbeddings } from "../embed/types.js";
import { createApp } from "../http/app.js";
import { cloudflareClientKey, createHardening } from "../http/middleware/index.js";
import { createLeadsRoutes } from "../http/routes/leads.js";
import { createWidgetRoutes } from "../http/routes/widget.js";
import { loadEdgeIndex } from "../index/edge.js";
import { D1LeadStore, type D1Database } from "../leads/d1-store.js";
import { createDeliverer, type Deliverer } from "../leads/deliverer.js";
import type { LeadStore } from "../leads/store.js";
import { createLogger, type Logger } from "../logger.js";
import { assemblePipeline } from "../pipeline.js";

/** Static assets binding (wrangler.toml `[assets]`). */
export interface AssetsBinding {
  fetch(request: Request): Promise<Response>;
}

/** The Worker's `env`: bindings from wrangler.toml plus string vars and secrets (the same names as the Node env). */
export interface WorkerEnv {
  DB?: D1Database;
  ASSETS?: AssetsBinding;
  [name: string]: unknown;
}

export interface EdgeRuntime {
  app: Hono;
  config: Config;
  logger: Logger;
  /** Null when the clinic has no lead form. */
  deliverer: Deliverer | null;
  leadStore: LeadStore | null;
}

/** The query embedder for the bundled vectors, when the Worker can call it (EMBEDDER=openai with the same model). */
function edgeEmbedder(config: Config, vectorsEmbedderId: string | null, logger: Logger): IdentifiedEmbeddings | null {
  if (!vectorsEmbedderId) return null;
  if (config.embedder.kind !== "openai") {
    logger.warn("the edge index carries vectors but EMBEDDER is not openai here: ranking by BM25 only", { vectors: vectorsEmbedderId });
    return null;
  }
  const embedder = createOpenAIEmbeddings({ model: config.embedder.model, apiKey: config.openai.apiKey, baseUrl: config.openai.baseUrl });
  if (embedder.id !== vectorsEmbedderId) {
    throw new ConfigError(`The edge index was built with ${vectorsEmbedderId} but EMBEDDING_MODEL gives ${embedder.id}. Rebuild with \`npm run index\` using the same settings.`);
  }
  return embedder;
}

export function createEdgeRuntime(env: WorkerEnv, edgeIndex: unknown): EdgeRuntime {
  const loaded = loadEdgeIndex(edgeIndex);
  const config = configFromWorkerEnv(env, loaded.clinic);
  // Workers capture console output (wrangler tail, Logpush); there is no stderr stream.
  const logger = createLogger(config.logLevel, (line) => console.log(line));
  const embedder = edgeEmbedder(config, loaded.edge.vectors?.embedderId ?? null, logger);
  const { assistant } = assemblePipeline({
    config,
    logger,
    chunks: loaded.chunks,
    source: { chunksById: loaded.chunksById, bm25: loaded.bm25, vectors: embedder ? loaded.vectors : null },
    embedder,
    lexicon: loaded.lexicon,
    safety: loaded.safety,
    crisisRulesFile: "the edge index's safety/crisis.yaml",
  });

  let deliverer: Deliverer | null = null;
  let leadStore: LeadStore | null = null;
  let leads: Hono | undefined;
  if (config.clinic.leadForm) {
    if (!env.DB) throw new ConfigError("The clinic has a lead form but the Worker has no D1 binding named DB (see wrangler.toml, [[d1_databases]]).");
    const store = new D1LeadStore(env.DB);
    leadStore = store;
    deliverer = createDeliverer({ store, webhookUrl: config.webhook.url, secret: config.webhook.secret, logger });
    // Delivery runs in the cron handler and right after each stored lead (worker.ts), not in a timer loop.
    leads = createLeadsRoutes({ store, logger, keepSessionId: config.leadSessionId });
  }

  const assets = env.ASSETS;
  const app = createApp({
    config,
    logger,
    assistant: () => assistant,
    ready: () => ({
      articles: loaded.edge.articles.length,
      chunks: loaded.chunks.length,
      embedder: embedder ? embedder.id : "none (BM25 + lexicon)",
      corpusHash: loaded.edge.corpusHash,
      answerer: config.answerer,
    }),
    ...(leads ? { leads } : {}),
    widget: createWidgetRoutes({
      config,
      // Normally served by the static-assets layer before the Worker runs; this covers direct requests.
      widgetJs: async () => {
        const res = await assets?.fetch(new Request("https://assets.local/widget.js"));
        if (!res?.ok) throw new Error("widget.js is missing from the static assets: run `npm run build:worker`");
        return res.text();
      },
    }),
    middleware: createHardening(config, { clientKey: cloudflareClientKey }),
  });
  return { app, config, logger, deliverer, leadStore };
}
