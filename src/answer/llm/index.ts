/** LLM mode: the generative answerer, the optional follow-up condenser, and the provider guards they share. */
export { createLlmAnswerer, isStreamingAnswerer, LlmAnswerer, DEFAULT_MAX_PASSAGES, type AnswerStreamEvent, type LlmAnswererDeps, type StreamingAnswerer } from "./answerer.js";
export { createLlmCondenser, MAX_CONDENSED_CHARS, type LlmCondenserDeps, type QuestionCondenser } from "./condense.js";
export { createLlmProvider, createChatModel, type LlmProvider, type LlmProviderOptions, type OpenAiConfig } from "./provider.js";
export { GroundedAnswerBuilder, quoteFor, type GroundingOptions, type GroundingStats } from "./grounding.js";
