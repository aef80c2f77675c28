import type { Config } from "../config.js";
import { createOpenAIEmbeddings } from "./openai.js";
import type { IdentifiedEmbeddings } from "./types.js";
import { createUseLiteEmbeddings, USE_LITE_RETRIEVAL_TOKENS } from "./use-lite.js";

export type { IdentifiedEmbeddings } from "./types.js";

/** The embedder the config asks for. Built once at startup and shared. */
export function createEmbedder(config: Pick<Config, "embedder" | "openai">): IdentifiedEmbeddings {
  if (config.embedder.kind === "openai") {
    return createOpenAIEmbeddings({ model: config.embedder.model, apiKey: config.openai.apiKey, baseUrl: config.openai.baseUrl });
  }
  return createUseLiteEmbeddings({ threads: config.embedder.threads, maxTokens: USE_LITE_RETRIEVAL_TOKENS });
}
