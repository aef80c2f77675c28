/**
 * Builds the assistant from loaded parts: retriever → answerer → assistant.
 * Shared by the Node runtime (index from disk) and the Worker (bundled edge
 * index), so both answer with exactly the same logic.
 */
import { ConfigError, type Config } from "./config.js";
import { createAssistant } from "./assistant.js";
import { ExtractiveAnswerer, type Answerer } from "./answer/answerer.js";
import { createLlmAnswerer, createLlmCondenser, createLlmProvider } from "./answer/llm/index.js";
import type { IdentifiedEmbeddings } from "./embed/types.js";
import type { Logger } from "./logger.js";
import { createUnderstanding } from "./understand/index.js";
import { createRetriever, DEFAULT_RETRIEVAL, type RetrievalOptions, type RetrievalSource, type Retriever } from "./retrieve/hybrid.js";
import type { Lexicon } from "./retrieve/lexicon.js";
import { DEFAULT_VERIFY, prepareEvidence } from "./answer/verify.js";
import { verifierResources } from "./answer/claims/resources.js";
import type { Thesaurus } from "./answer/claims/wordnet.js";
import type { AnswerabilityModel } from "./retrieve/answerability-model.js";
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
  /** Where the crisis rules came from, for start-up errors. */
  crisisRulesFile: string;
  retrieval?: Partial<RetrievalOptions>;
  /** Overrides the answerer chosen from config (tests, evals). */
  answerer?: Answerer;
  /** Paraphrase source for the LLM answer verifier (WordNet on Node); null = same-word support only. */
  thesaurus?: Thesaurus | null;
  /** Overrides the committed answerability model (training, tests). */
  answerability?: AnswerabilityModel;
  /** English dictionary for typo repair; without it (Workers) the corpus vocabulary alone decides what is a word. */
  dictionary?: WordChecker | null;
}

/**
 * Crisis phrase rules are the first and most predictable emergency detector:
 * an emptied list (a bad merge, a truncated file) must stop the server, not
 * quietly leave crisis messages to the learned model alone.
 */
export function requireCrisisRules(safety: SafetyRules, file: string): void {
  if (safety.crisis.length === 0) {
    throw new ConfigError(`${file} has no crisis rules ('rules' is empty or missing): crisis messages would not be recognized reliably. Fix: restore the crisis rules (see corpus/defaults/safety/README.md).`);
  }
}

export function assemblePipeline(parts: PipelineParts): { assistant: Assistant; retriever: Retriever } {
  const { config, logger, lexicon } = parts;
  requireCrisisRules(parts.safety, parts.crisisRulesFile);
  const understanding = createUnderstanding(parts.chunks, lexicon);
  const retriever = createRetriever(parts.source, parts.embedder, lexicon, { ...DEFAULT_RETRIEVAL, ...config.retrieval, ...parts.retrieval }, understanding.boosts);
  // LLM mode shares one provider (circuit breaker, daily cap) between answers and follow-up condensing.
  const llm = config.answerer === "llm" ? createLlmProvider(config.openai, { logger }) : null;
  const verify = { ...DEFAULT_VERIFY, resources: verifierResources(lexicon, parts.thesaurus ?? null) };
  // Article sentences are analyzed once, at start, not on a patient's request.
  if (llm) prepareEvidence(parts.chunks.filter((c) => !c.promotional).map((c) => c.text), verify);
  const answerer =
    parts.answerer ??
    (llm ? createLlmAnswerer({ config: config.openai, provider: llm, fallback: new ExtractiveAnswerer(), logger, grounding: { verify } }) : new ExtractiveAnswerer());
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
    understanding,
    answerer,
    logger,
    condense,
    vocabulary,
    passagesWith: (stem) => passagesWith.get(stem) ?? 0,
    ...(parts.answerability ? { answerability: parts.answerability } : {}),
  });
  return { assistant, retriever };
}

/** Stem → number of passages (text or headings) containing it. */
function documentFrequencies(chunks: readonly Chunk[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const c of chunks) for (const t of new Set(contentTerms([...c.sectionPath, c.text].join(" ")))) df.set(t, (df.get(t) ?? 0) + 1);
  return df;
}
