/**
 * Builds the assistant from loaded parts: retriever → answerer → assistant.
 * Shared by the Node runtime (index from disk) and the Worker (bundled edge
 * index), so both answer with exactly the same logic.
 */
import type { Config } from "./config.js";
import { createAssistant } from "./assistant.js";
import { ExtractiveAnswerer, type Answerer } from "./answer/answerer.js";
import { createLlmAnswerer, createLlmCondenser, createLlmProvider } from "./answer/llm/index.js";
import type { IdentifiedEmbeddings } from "./embed/types.js";
import type { Logger } from "./logger.js";
import { buildTermStats } from "./retrieve/evidence.js";
import { createRetriever, DEFAULT_RETRIEVAL, type RetrievalOptions, type RetrievalSource, type Retriever } from "./retrieve/hybrid.js";
import type { Lexicon } from "./retrieve/lexicon.js";
import { buildVocabulary, type WordChecker } from "./retrieve/spelling.js";
import type { SafetyRules } from "./route/index.js";
import { contentTerms } from "./retrieve/terms.js";
import type { Assistant, Chunk } from "./types.js";

export interface PipelineParts {
  config: Config;
  logger: Logger;
  /** Every indexed chunk, promotional ones included (they are filtered here). */
  chunks: readonly Chunk[];
  source: RetrievalSource;
  /** Null when no query embedder is available (dense retrieval off). */
  embedder: IdentifiedEmbeddings | null;
  lexicon: Lexicon;
  safety: SafetyRules;
  retrieval?: Partial<RetrievalOptions>;
  /** Overrides the answerer chosen from config (tests, evals). */
  answerer?: Answerer;
  /** English dictionary for typo repair; without it (Workers) the corpus vocabulary alone decides what is a word. */
  dictionary?: WordChecker | null;
}

export function assemblePipeline(parts: PipelineParts): { assistant: Assistant; retriever: Retriever } {
  const { config, logger, lexicon } = parts;
  const retriever = createRetriever(parts.source, parts.embedder, lexicon, { ...DEFAULT_RETRIEVAL, ...config.retrieval, ...parts.retrieval });
  const termStats = buildTermStats(parts.chunks.filter((c) => !c.promotional));
  // LLM mode shares one provider (circuit breaker, daily cap) between answers and follow-up condensing.
  const llm = config.answerer === "llm" ? createLlmProvider(config.openai, { logger }) : null;
  const answerer =
    parts.answerer ?? (llm ? createLlmAnswerer({ config: config.openai, provider: llm, fallback: new ExtractiveAnswerer(), logger }) : new ExtractiveAnswerer());
  const condense = llm ? createLlmCondenser({ provider: llm, logger }) : null;
  const vocabulary = buildVocabulary(
    parts.chunks.map((c) => [c.title, ...c.sectionPath, c.text].join(" ")),
    lexicon.entries.flatMap((e) => e.phrases.flat()),
    parts.dictionary ?? null,
  );
  const passagesWith = documentFrequencies(parts.chunks.filter((c) => !c.promotional));
  const assistant = createAssistant({
    clinic: config.clinic,
    safety: parts.safety,
    retriever,
    lexicon,
    termStats,
    answerer,
    logger,
    condense,
    vocabulary,
    passagesWith: (stem) => passagesWith.get(stem) ?? 0,
  });
  return { assistant, retriever };
}

/** Stem → number of passages (text or headings) containing it. */
function documentFrequencies(chunks: readonly Chunk[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const c of chunks) for (const t of new Set(contentTerms([...c.sectionPath, c.text].join(" ")))) df.set(t, (df.get(t) ?? 0) + 1);
  return df;
}
