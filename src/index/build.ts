/**
 * `npm run index`: corpus → chunks → embeddings → hnswlib + BM25 + chunk store + manifest.
 * Skips the work when the corpus hash and the embedder are unchanged.
 */
import hnswlib from "hnswlib-node";
import { mkdir } from "node:fs/promises";
import type { IdentifiedEmbeddings } from "../embed/types.js";
import { buildBm25, toBm25Doc } from "./bm25.js";
import { embeddingKey, loadEmbeddingCache, saveEmbeddingCache } from "./embedding-cache.js";
import { prepareCorpus, type CorpusPaths } from "./corpus.js";
import { INDEX_SCHEMA_VERSION, manifestMismatch, type IndexManifest } from "./manifest.js";
import { deriveTopic, type TopicData } from "../route/topic.js";
import type { Chunk } from "../types.js";
import { loadReferenceCounts } from "./reference.js";
import { readManifest, writeIndex, type ChunkStore } from "./store.js";

export interface BuildOptions extends CorpusPaths {
  indexDir: string;
  embedder: IdentifiedEmbeddings;
  force?: boolean;
  /** Called after each embedding batch (cached embeddings count as done from the start). */
  onProgress?: (done: number, total: number) => void;
  embedBatchSize?: number;
  /** Fewest texts to embed for which the embedder's worker threads are opened (default BULK_MIN_TEXTS). */
  bulkMinTexts?: number;
}

/**
 * Texts per embedDocuments call (one task of a worker thread). For USE-lite,
 * the size barely matters: CPU time per chunk is within noise at 1, 4 and 16;
 * remote embedders (OpenAI) gain from fewer requests.
 */
export const DEFAULT_EMBED_BATCH = 16;

/**
 * Fewest texts worth opening worker threads for: starting one and loading its
 * model costs about half a second, the time to embed some ten chunks in-process.
 */
export const BULK_MIN_TEXTS = 128;

/** Vectors for `texts`, reusing the index dir's embedding cache and refreshing it. */
async function embedWithCache(texts: string[], options: BuildOptions): Promise<number[][]> {
  const { embedder } = options;
  const cache = await loadEmbeddingCache(options.indexDir, embedder);
  const keys = texts.map(embeddingKey);
  const missing = [...new Set(keys.filter((k) => !cache.has(k)))];
  const textOf = new Map(keys.map((k, i) => [k, texts[i]!]));
  const size = options.embedBatchSize ?? DEFAULT_EMBED_BATCH;
  const batches = Array.from({ length: Math.ceil(missing.length / size) }, (_, i) => missing.slice(i * size, (i + 1) * size));
  const uses = new Map<string, number>();
  for (const k of keys) uses.set(k, (uses.get(k) ?? 0) + 1);
  let done = texts.length - missing.reduce((n, k) => n + uses.get(k)!, 0);
  options.onProgress?.(done, texts.length);

  const bulk = missing.length >= (options.bulkMinTexts ?? BULK_MIN_TEXTS) ? embedder.openBulk?.() : undefined;
  const embed = bulk ? (t: string[]) => bulk.embedDocuments(t) : (t: string[]) => embedder.embeddings.embedDocuments(t);
  let next = 0;
  // `concurrency` loops share one queue of batches; each vector lands under its own key, so order does not matter.
  const lane = async () => {
    for (let b = next++; b < batches.length; b = next++) {
      const slice = batches[b]!;
      const embedded = await embed(slice.map((k) => textOf.get(k)!));
      if (embedded.length !== slice.length) throw new Error(`Embedder ${embedder.id} returned ${embedded.length} vectors for ${slice.length} texts.`);
      embedded.forEach((v, j) => {
        if (v.length !== embedder.dimensions) {
          throw new Error(`Embedder ${embedder.id} returned ${v.length} dimensions, expected ${embedder.dimensions}.`);
        }
        cache.set(slice[j]!, v);
      });
      done += slice.reduce((n, k) => n + uses.get(k)!, 0);
      options.onProgress?.(done, texts.length);
    }
  };
  try {
    await Promise.all(Array.from({ length: bulk?.concurrency ?? 1 }, lane));
  } finally {
    await bulk?.close();
  }
  const used = new Map(keys.map((k) => [k, cache.get(k)!]));
  await mkdir(options.indexDir, { recursive: true });
  await saveEmbeddingCache(options.indexDir, embedder, used);
  return keys.map((k) => used.get(k)!);
}

export interface BuildSummary {
  status: "built" | "up-to-date";
  manifest: IndexManifest;
}

// The heading path is part of what a passage is about ("Common Side Effects").
const indexedText = (c: Chunk) => [c.title, ...c.sectionPath, c.text].join("\n");

/** The corpus topic (src/route/topic.ts) from the text that is searched: promotional passages do not count. */
export async function deriveCorpusTopic(chunks: readonly Chunk[]): Promise<TopicData> {
  return deriveTopic(chunks.filter((c) => !c.promotional).map(indexedText), await loadReferenceCounts());
}

export async function buildIndex(options: BuildOptions): Promise<BuildSummary> {
  const started = performance.now();
  const corpus = await prepareCorpus(options);
  if (!options.force) {
    const existing = await readManifest(options.indexDir).catch(() => null);
    if (existing && !manifestMismatch(existing, { embedderId: options.embedder.id, dimensions: options.embedder.dimensions, corpusHash: corpus.corpusHash })) {
      return { status: "up-to-date", manifest: existing };
    }
  }

  const indexed = corpus.chunks.filter((c) => !c.promotional);
  // The heading path is part of what a passage is about ("Common Side Effects").
  const texts = indexed.map(indexedText);
  const vectors = await embedWithCache(texts, options);
  const hnsw = new hnswlib.HierarchicalNSW("cosine", options.embedder.dimensions);
  hnsw.initIndex({ maxElements: Math.max(1, indexed.length), m: 16, efConstruction: 200, randomSeed: 42 });
  vectors.forEach((v, label) => hnsw.addPoint(v, label));

  const bm25 = buildBm25([]);
  bm25.addAll(indexed.map(toBm25Doc));

  const store: ChunkStore = {
    articles: corpus.articles.map((a) => ({ id: a.id, title: a.title, publisher: a.publisher, reviewed: a.reviewed, url: a.url })),
    chunks: corpus.chunks,
    vectorLabels: indexed.map((c) => c.id),
  };
  const manifest = await writeIndex(options.indexDir, {
    store,
    vectors: hnsw,
    bm25Json: JSON.stringify(bm25),
    // What routing treats as on-topic: learned from the same text that is searched.
    topic: await deriveCorpusTopic(corpus.chunks),
    manifest: {
      schemaVersion: INDEX_SCHEMA_VERSION,
      embedder: { id: options.embedder.id, dimensions: options.embedder.dimensions },
      corpusHash: corpus.corpusHash,
      articleCount: corpus.articles.length,
      chunkCount: corpus.chunks.length,
      indexedChunkCount: indexed.length,
      promotionalChunkCount: corpus.chunks.length - indexed.length,
      duplicateChunksDropped: corpus.duplicateChunksDropped,
      builtAt: new Date().toISOString(),
      buildMs: Math.round(performance.now() - started),
    },
  });
  return { status: "built", manifest };
}
