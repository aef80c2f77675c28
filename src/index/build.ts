/**
 * `npm run index`: corpus → chunks → embeddings → hnswlib + BM25 + chunk store + manifest.
 * Skips the work when the corpus hash and the embedder are unchanged.
 */
import hnswlib from "hnswlib-node";
import type { IdentifiedEmbeddings } from "../embed/types.js";
import { buildBm25, toBm25Doc } from "./bm25.js";
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
  /** Called after each embedding batch. */
  onProgress?: (done: number, total: number) => void;
  embedBatchSize?: number;
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
  const texts = indexed.map(indexedText);
  const vectors: number[][] = [];
  const batch = options.embedBatchSize ?? 16;
  options.onProgress?.(0, texts.length);
  for (let i = 0; i < texts.length; i += batch) {
    const embedded = await options.embedder.embeddings.embedDocuments(texts.slice(i, i + batch));
    for (const v of embedded) {
      if (v.length !== options.embedder.dimensions) {
        throw new Error(`Embedder ${options.embedder.id} returned ${v.length} dimensions, expected ${options.embedder.dimensions}.`);
      }
    }
    vectors.push(...embedded);
    options.onProgress?.(vectors.length, texts.length);
  }

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
