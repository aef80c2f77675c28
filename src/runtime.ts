/**
 * Wires the product together for Node: config → embedder → index → retriever
 * → answerer → assistant → Hono app (+ leads outbox and widget). Everything
 * heavy is built here once; request handlers only use what is passed in.
 */
import path from "node:path";
import type { Hono } from "hono";
import { clinicFiles } from "./clinic-files.js";
import type { Config } from "./config.js";
import type { Answerer } from "./answer/answerer.js";
import { assemblePipeline, requireCrisisRules } from "./pipeline.js";
import type { RetrievalOptions } from "./retrieve/hybrid.js";
import { hnswVectorSearch } from "./retrieve/vectors.js";
import { createEmbedder, type IdentifiedEmbeddings } from "./embed/index.js";
import { buildIndex } from "./index/build.js";
import { currentCorpusHash } from "./index/corpus.js";
import { INDEX_SCHEMA_VERSION, IndexError, manifestMismatch, type IndexManifest } from "./index/manifest.js";
import { loadIndex, readManifest, type LoadedIndex } from "./index/store.js";
import { createApp } from "./http/app.js";
import { createHardening } from "./http/middleware/index.js";
import { createLeadsRoutes } from "./http/routes/leads.js";
import { createWidgetRoutes } from "./http/routes/widget.js";
import { buildWidget } from "./widget/bundle.js";
import { openLeads, type OpenLeadsOptions } from "./leads/index.js";
import { ensurePrivateDir } from "./leads/private-files.js";
import { createLogger, type Logger } from "./logger.js";
import { installedWordNet } from "./answer/claims/wordnet-files.js";
import { loadPromoPatterns } from "./ingest/promotional.js";
import { loadLexicon, type Lexicon } from "./retrieve/lexicon.js";
import { loadClinicSafetyRules, type SafetyRules } from "./route/index.js";
import { loadEnglishDictionary } from "./retrieve/dictionary.js";
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

export function corpusPaths(config: Pick<Config, "paths">) {
  return { articlesDir: config.paths.articlesDir, promotionalFiles: clinicFiles(config.paths).promotional };
}

export interface ClinicData {
  safety: SafetyRules;
  /** Where the crisis rules came from, for start-up errors. */
  crisisRulesFile: string;
  lexicon: Lexicon;
}

/**
 * Reads and validates every clinic file besides the articles (safety rules,
 * lexicon, promotional patterns), defaults and clinic additions merged.
 * Cheap: run before anything slow or anything that writes, so a broken file
 * stops start-up (or `npm run index`) at once, with the file named.
 */
export async function loadClinicData(config: Pick<Config, "paths">): Promise<ClinicData> {
  const files = clinicFiles(config.paths);
  const safety = loadClinicSafetyRules(files.safety);
  const crisisRulesFile = path.join(files.safety.defaults, "crisis.yaml");
  requireCrisisRules(safety, crisisRulesFile);
  const lexicon = await loadLexicon(files.lexicon);
  await loadPromoPatterns(files.promotional);
  return { safety, crisisRulesFile, lexicon };
}

const isLocalEmbedder = (id: string) => id.startsWith("local:");

/** Why the index must be (re)built before start, or null when it is fresh or its problem is `loadIndex`'s to report. */
function rebuildReason(manifest: IndexManifest | null, corpusHash: string, embedder: IdentifiedEmbeddings): string | null {
  if (manifest === null) return "no index yet: building";
  // An index written by another version of the assistant is derived data: rebuilt, like a changed corpus.
  if (manifest.schemaVersion !== INDEX_SCHEMA_VERSION) return "index format changed: rebuilding index";
  // So is one from another version of the offline model (or its reading length): rebuilding costs no
  // API call. Between kinds (local ↔ openai) the mismatch stays an error naming the fix.
  if (manifest.embedder.id !== embedder.id && isLocalEmbedder(manifest.embedder.id) && isLocalEmbedder(embedder.id)) return "offline embedder changed: rebuilding index";
  if (manifest.corpusHash !== corpusHash && !manifestMismatch(manifest, { embedderId: embedder.id, dimensions: embedder.dimensions })) return "corpus changed: rebuilding index";
  return null;
}

/**
 * Builds the index when it is missing, stale (corpus changed), written by
 * another version of the assistant (schema version) or by another version of
 * the offline embedder. Any other problem (corrupt files, another kind of
 * embedder) is left for `loadIndex` to report with its fix: rebuilding
 * silently could hide it.
 */
export async function ensureIndexFresh(config: Config, embedder: IdentifiedEmbeddings, logger: Logger): Promise<void> {
  const paths = corpusPaths(config);
  const manifest = await readManifest(config.paths.indexDir).catch((err: unknown) => {
    if (err instanceof IndexError) return "unreadable" as const;
    throw err;
  });
  if (manifest === "unreadable") return;
  const why = rebuildReason(manifest, await currentCorpusHash(paths), embedder);
  if (why === null) return;
  logger.info(why, { indexDir: config.paths.indexDir });
  const { manifest: built } = await buildIndex({ ...paths, indexDir: config.paths.indexDir, embedder });
  logger.info("index built", { chunks: built.chunkCount, ms: built.buildMs });
}

export async function loadPipeline(config: Config, options: RuntimeOptions = {}) {
  const logger = options.logger ?? createLogger(config.logLevel);
  // Clinic files first: a broken or emptied crisis list stops start-up before minutes of index building.
  // (The rules are compiled again below with the clinic's topic, which comes from the index.)
  const { crisisRulesFile, lexicon } = await loadClinicData(config);
  const embedder = options.embedder ?? createEmbedder(config);
  if (options.ensureIndex) await ensureIndexFresh(config, embedder, logger);
  const index: LoadedIndex = await loadIndex(config.paths.indexDir, { embedderId: embedder.id, dimensions: embedder.dimensions });
  const safety = loadClinicSafetyRules(clinicFiles(config.paths).safety, index.topic);
  const dictionary = await loadEnglishDictionary();
  const { assistant, retriever } = assemblePipeline({
    config,
    logger,
    chunks: index.store.chunks,
    source: { chunksById: index.chunksById, bm25: index.bm25, vectors: hnswVectorSearch(index.vectors, index.store.vectorLabels) },
    embedder,
    lexicon,
    safety,
    crisisRulesFile,
    // WordNet (about 40 MB in memory) only where generated sentences are verified.
    thesaurus: config.answerer === "llm" ? installedWordNet() : null,
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
  // Before the index build creates it with the default mode: the lead database lives here too.
  ensurePrivateDir(config.paths.dataDir);
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
    leads: leads ? createLeadsRoutes({ store: leads.store, deliverer: leads.deliverer, logger, keepSessionId: config.leadSessionId }) : undefined,
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
