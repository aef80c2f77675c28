import type { Embeddings } from "@langchain/core/embeddings";

/**
 * A LangChain `Embeddings` with the identity the index manifest records, so an
 * index is never queried with vectors from a different model.
 */
export interface IdentifiedEmbeddings {
  /** Stable id, e.g. `local:use-lite@0.2.0` or `openai:text-embedding-3-small`. */
  readonly id: string;
  readonly dimensions: number;
  readonly embeddings: Embeddings;
}
