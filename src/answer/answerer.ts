/**
 * The answerer seam: given the question and ranked passages, produce cited
 * text or nothing. The extractive answerer is the default; the LLM answerer
 * (answer/llm/) implements the same interface and falls back to it.
 */
import type { QuestionAnalysis } from "../understand/index.js";
import type { ScoredChunk } from "../retrieve/hybrid.js";
import { selectSentences, type ComposeOptions, DEFAULT_COMPOSE } from "./extractive.js";
import { citeSentences, type CitedText } from "./reply.js";

export interface AnswerInput {
  question: string;
  passages: ScoredChunk[];
  /** What the question is about, in parts, with the kind of answer each wants. */
  analysis: QuestionAnalysis;
  expansionTerms: string[];
  /** Stop work past this point (LLM calls honour it; extraction is instant). */
  signal?: AbortSignal;
}

export interface AnswerOutput {
  cited: CitedText;
  /** Which answerer actually produced the text (an LLM answerer may fall back). */
  producedBy: "extractive" | "llm";
}

export interface Answerer {
  readonly kind: "extractive" | "llm";
  answer(input: AnswerInput): Promise<AnswerOutput | null>;
}

export class ExtractiveAnswerer implements Answerer {
  readonly kind = "extractive" as const;
  constructor(private readonly options: ComposeOptions = DEFAULT_COMPOSE) {}

  async answer(input: AnswerInput): Promise<AnswerOutput | null> {
    return this.answerSync(input);
  }

  answerSync(input: AnswerInput): AnswerOutput | null {
    const sentences = selectSentences(input, this.options);
    if (sentences.length === 0) return null;
    return { cited: citeSentences(sentences), producedBy: "extractive" };
  }
}
