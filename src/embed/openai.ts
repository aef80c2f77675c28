/**
 * OpenAI (or any OpenAI-compatible server) embeddings through @langchain/openai.
 * Chunks are embedded in batches; LangChain's caller retries transient errors.
 */
import { OpenAIEmbeddings } from "@langchain/openai";
import type { IdentifiedEmbeddings } from "./types.js";

const KNOWN_DIMENSIONS: Record<string, number> = {
  "text-embedding-3-small": 1536,
  "text-embedding-3-large": 3072,
  "text-embedding-ada-002": 1536,
};

export interface OpenAIEmbeddingsOptions {
  model: string;
  apiKey: string | null;
  baseUrl: string | null;
  batchSize?: number;
  maxRetries?: number;
  timeoutMs?: number;
  /** Needed for models whose width is not known here. */
  dimensions?: number;
}

export function createOpenAIEmbeddings(options: OpenAIEmbeddingsOptions): IdentifiedEmbeddings {
  const dimensions = options.dimensions ?? KNOWN_DIMENSIONS[options.model];
  if (!dimensions) {
    throw new Error(`Unknown embedding width for model '${options.model}'. Use one of ${Object.keys(KNOWN_DIMENSIONS).join(", ")}.`);
  }
  const embeddings = new OpenAIEmbeddings({
    model: options.model,
    // A compatible server without auth still needs a non-empty key for the client.
    apiKey: options.apiKey ?? "not-needed",
    batchSize: options.batchSize ?? 64,
    maxRetries: options.maxRetries ?? 3,
    timeout: options.timeoutMs ?? 30_000,
    configuration: options.baseUrl ? { baseURL: options.baseUrl } : undefined,
  });
  return { id: `openai:${options.model}`, dimensions, embeddings };
}
