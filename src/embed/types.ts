import type { Embeddings } from "@langchain/core/embeddings";

/**
 * A LangChain `Embeddings` with the identity the index manifest records, so an
 * index is never queried with vectors from a different model.
 */
export interface IdentifiedEmbeddings {
  /** Stable id, e.g. `local:use-lite-en@0.2.0/64` or `openai:text-embedding-3-small`. */
  readonly id: string;
  readonly dimensions: number;
  readonly embeddings: Embeddings;
  /**
   * For index builds of many texts: an embedder that runs `concurrency` calls
   * at once (worker threads). Absent: builds call `embeddings` one batch at a time.
   */
  readonly openBulk?: () => BulkEmbedder;
}

/** Opened for one index build and closed by it. Gives the same vectors as the in-process embedder. */
export interface BulkEmbedder {
  readonly concurrency: number;
  embedDocuments(texts: string[]): Promise<number[][]>;
  close(): Promise<void>;
}
