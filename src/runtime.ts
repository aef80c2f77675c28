/**
 * Wires the product together for Node: config → embedder → index → retriever
 * → answerer → assistant → Hono app (+ leads outbox and widget). Everything
 * heavy is built here once; request handlers only use what is passed in.
 */
import path from "node:path";
import type { Hono } from "hono";
import type { Config } from "./config.js";
import type { Answerer } from "./answer/answerer.js";
import { assemblePipeline } from "./pipeline.js";
import type { RetrievalOptions } from "./retrieve/hybrid.js";
import { hnswVectorSearch } from "./retrieve/vectors.js";
import { createEmbedder, type IdentifiedEmbeddings } from "./embed/index.js";
import { buildIndex } from "./index/build.js";
import { currentCorpusHash } from "./index/corpus.js";
import { IndexError, manifestMismatch, type IndexManifest } from "./index/manifest.js";
import { loadIndex, readManifest, type LoadedIndex } from "./index/store.js";
import { createApp } from "./http/app.js";
import { createHardening } from "./http/middleware/index.js";
import { createLeadsRoutes } from "./http/routes/leads.js";
import { createWidgetRoutes } from "./http/routes/widget.js";
import { buildWidget } from "./widget/bundle.js";
import { openLeads, type OpenLeadsOptions } from "./leads/index.js";
import { createLogger, type Logger } from "./logger.js";
import { loadEnglishDictionary } from "./retrieve/dictionary.js";
import { loadLexicon } from "./retrieve/lexicon.js";
import { loadSafetyRules } from "./route/index.js";
import type { Assistant } from "./types.js";

export interface RuntimeOptions {
  /** Build the index when it is missing or the corpus changed (what `npm start` does). */
  ensureIndex?: boolean;
  logger?: Logger;
  retrieval?: Partial<RetrievalOptions>;
  /** Overrides the answerer chosen from config (tests, evals). */
  answerer?: Answerer;
  embedder?: IdentifiedEmbeddings;
  /** Test seams for the leads deliverer (fetch, timings). */
  leads?: OpenLeadsOptions;
}

export interface Runtime {
  app: Hono;
  assistant: Assistant;
  manifest: IndexManifest;
  config: Config;
  close(): Promise<void>;
}

export function corpusPaths(config: Config) {
  return { articlesDir: config.paths.articlesDir, promotionalFile: path.join(config.paths.corpusDir, "promotional.yaml") };
}

/**
 * Builds the index when it is missing or stale (corpus changed). Any other
 * problem (corrupt files, other embedder, other schema) is left for
 * `loadIndex` to report with its fix: rebuilding silently could hide it.
 */
export async function ensureIndexFresh(config: Config, embedder: IdentifiedEmbeddings, logger: Logger): Promise<void> {
  const paths = corpusPaths(config);
  const manifest = await readManifest(config.paths.indexDir).catch((err: unknown) => {
    if (err instanceof IndexError) return "unreadable" as const;
    throw err;
  });
  if (manifest === "unreadable") return;
  const hash = await currentCorpusHash(paths);
  const stale = manifest !== null && manifest.corpusHash !== hash && !manifestMismatch(manifest, { embedderId: embedder.id, dimensions: embedder.dimensions });
  if (manifest === null || stale) {
    logger.info(manifest === null ? "no index yet: building" : "corpus changed: rebuilding index", { indexDir: config.paths.indexDir });
    const { manifest: built } = await buildIndex({ ...paths, indexDir: config.paths.indexDir, embedder });
    logger.info("index built", { chunks: built.chunkCount, ms: built.buildMs });
  }
}

export async function loadPipeline(config: Config, options: RuntimeOptions = {}) {
  const logger = options.logger ?? createLogger(config.logLevel);
  const embedder = options.embedder ?? createEmbedder(config);
  if (options.ensureIndex) await ensureIndexFresh(config, embedder, logger);
  const index: LoadedIndex = await loadIndex(config.paths.indexDir, { embedderId: embedder.id, dimensions: embedder.dimensions });
  const lexicon = await loadLexicon(path.join(config.paths.corpusDir, "lexicon.yaml"));
  const safety = loadSafetyRules(path.join(config.paths.corpusDir, "safety"));
  const dictionary = await loadEnglishDictionary();
  const { assistant, retriever } = assemblePipeline({
    config,
    logger,
    chunks: index.store.chunks,
    source: { chunksById: index.chunksById, bm25: index.bm25, vectors: hnswVectorSearch(index.vectors, index.store.vectorLabels) },
    embedder,
    lexicon,
    safety,
    dictionary,
    ...(options.retrieval ? { retrieval: options.retrieval } : {}),
    ...(options.answerer ? { answerer: options.answerer } : {}),
  });
  // Warm the embedder so the first patient does not pay for model loading.
  await retriever.retrieve("warm up");
  return { logger, embedder, index, assistant };
}

/** Bundles the widget once, on first request, and serves the same text afterwards. */
function widgetBundle(): () => Promise<string> {
  let bundle: Promise<string> | null = null;
  return () => {
    bundle ??= buildWidget().catch((err: unknown) => {
      bundle = null;
      throw err;
    });
    return bundle;
  };
}

export async function createRuntime(config: Config, options: RuntimeOptions = {}): Promise<Runtime> {
  const { logger, index, assistant } = await loadPipeline(config, options);
  const leads = config.clinic.leadForm ? openLeads(config, logger, options.leads) : null;
  const app = createApp({
    config,
    logger,
    assistant: () => assistant,
    ready: () => ({
      articles: index.manifest.articleCount,
      chunks: index.manifest.chunkCount,
      embedder: index.manifest.embedder.id,
      corpusHash: index.manifest.corpusHash,
      answerer: config.answerer,
    }),
    leads: leads ? createLeadsRoutes({ store: leads.store, deliverer: leads.deliverer, logger }) : undefined,
    widget: createWidgetRoutes({ config, widgetJs: widgetBundle() }),
    middleware: createHardening(config),
  });
  leads?.deliverer.start();
  return {
    app,
    assistant,
    manifest: index.manifest,
    config,
    close: async () => {
      await leads?.close();
    },
  };
}
