/**
 * The portable edge index: everything the Cloudflare Worker needs to answer,
 * in one JSON file it bundles (Workers have no filesystem and cannot load
 * hnswlib-node). Chunks, the serialized BM25 index, the raw lexicon, safety
 * rules, the corpus topic and clinic config (compiled by the same code as on Node), and the
 * chunk vectors when the embedder is one the Worker can call over HTTP.
 */
import MiniSearch from "minisearch";
import { z } from "zod";
import { parseClinic, type Clinic } from "../config.js";
import { compileLexicon, type Lexicon } from "../retrieve/lexicon.js";
import { bruteForceVectorSearch, type VectorSearch } from "../retrieve/vectors.js";
import { compileSafetyRules, SAFETY_RULE_FILES, type SafetyRuleFiles, type SafetyRules } from "../route/rules.js";
import { compileTopic, TopicDataSchema } from "../route/topic.js";
import type { Chunk } from "../types.js";
import { BM25_OPTIONS, type Bm25Doc } from "./bm25.js";
import { IndexError } from "./manifest.js";
import { ChunkStoreSchema } from "./chunk-schema.js";

/** Bump when the edge file's layout or the term analyzer (src/retrieve/terms.ts) changes. */
export const EDGE_INDEX_SCHEMA_VERSION = 5;
export const EDGE_INDEX_FIX = "run `npm run index` (it writes <DATA_DIR>/edge/index.json) and `npm run build:worker`, then start or deploy the Worker again.";

/** Embedders the Worker can call (over HTTP); local ones (USE-lite on TF.js) cannot run there. */
export const isRemoteEmbedder = (embedderId: string) => embedderId.startsWith("openai:");

export const EdgeIndexSchema = z
  .object({
    schemaVersion: z.number().int(),
    builtAt: z.string(),
    corpusHash: z.string(),
    articles: ChunkStoreSchema.shape.articles,
    chunks: ChunkStoreSchema.shape.chunks,
    /** MiniSearch's own serialization (`JSON.stringify(miniSearch)`), already parsed. */
    bm25: z.record(z.string(), z.unknown()),
    lexicon: z.unknown(),
    safety: z.record(z.enum(SAFETY_RULE_FILES), z.unknown()),
    /** What the corpus is about (src/route/topic.ts), derived at index time. */
    topic: TopicDataSchema,
    clinic: z.unknown(),
    vectors: z
      .object({
        embedderId: z.string(),
        dimensions: z.number().int().positive(),
        entries: z.array(z.object({ chunkId: z.string(), vector: z.array(z.number()) }).strict()),
      })
      .strict()
      .nullable(),
  })
  .strict();
export type EdgeIndex = z.infer<typeof EdgeIndexSchema>;

export interface LoadedEdgeIndex {
  edge: EdgeIndex;
  clinic: Clinic;
  chunks: Chunk[];
  chunksById: Map<string, Chunk>;
  bm25: MiniSearch<Bm25Doc>;
  lexicon: Lexicon;
  safety: SafetyRules;
  /** Null when the index carries no vectors (built with the local embedder). */
  vectors: VectorSearch | null;
}

/** Validates and compiles a bundled edge index. Throws IndexError naming the fix. */
export function loadEdgeIndex(raw: unknown): LoadedEdgeIndex {
  const parsed = EdgeIndexSchema.safeParse(raw);
  if (!parsed.success) {
    const version = (raw as { schemaVersion?: unknown } | null)?.schemaVersion;
    const why = typeof version === "number" && version !== EDGE_INDEX_SCHEMA_VERSION ? `it has schema version ${version}` : "its fields do not match";
    throw new IndexError(`The bundled edge index is not one this version can read (${why}).`, EDGE_INDEX_FIX);
  }
  const edge = parsed.data;
  if (edge.schemaVersion !== EDGE_INDEX_SCHEMA_VERSION) {
    throw new IndexError(`The bundled edge index has schema version ${edge.schemaVersion}; this version reads ${EDGE_INDEX_SCHEMA_VERSION}.`, EDGE_INDEX_FIX);
  }
  const chunksById = new Map(edge.chunks.map((c) => [c.id, c]));
  const vectors = edge.vectors;
  if (vectors && vectors.entries.some((e) => !chunksById.has(e.chunkId) || e.vector.length !== vectors.dimensions)) {
    throw new IndexError("The bundled edge index is inconsistent (a vector names an unknown chunk or has the wrong size).", EDGE_INDEX_FIX);
  }
  let bm25: MiniSearch<Bm25Doc>;
  try {
    bm25 = MiniSearch.loadJS<Bm25Doc>(edge.bm25 as unknown as Parameters<typeof MiniSearch.loadJS>[0], BM25_OPTIONS);
  } catch (err) {
    throw new IndexError(`The bundled edge index's BM25 data cannot be loaded: ${(err as Error).message}.`, EDGE_INDEX_FIX);
  }
  return {
    edge,
    clinic: parseClinic(edge.clinic, "the edge index's clinic config"),
    chunks: edge.chunks,
    chunksById,
    bm25,
    lexicon: compileLexicon(edge.lexicon, "the edge index's lexicon"),
    safety: compileSafetyRules(edge.safety as SafetyRuleFiles, (name) => `the edge index's safety/${name}`, compileTopic(edge.topic)),
    vectors: vectors ? bruteForceVectorSearch(vectors.entries) : null,
  };
}
