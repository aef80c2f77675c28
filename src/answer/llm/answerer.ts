/**
 * The generative answerer: the model words the answer, the verifier decides
 * what reaches the patient. Any provider failure, malformed output, a "not
 * covered" verdict the evidence check contradicts, or a verified answer with
 * nothing left in it yields the extractive answer instead — same contract,
 * within the deadline.
 */
import type { AIMessageChunk, BaseMessage } from "@langchain/core/messages";
import { parsePartialJson } from "@langchain/core/output_parsers";
import type { Runnable } from "@langchain/core/runnables";
import type { BaseLanguageModelInput } from "@langchain/core/language_models/base";
import type { Logger } from "../../logger.js";
import type { AnswerInput, AnswerOutput, Answerer } from "../answerer.js";
import { splitReplyText } from "../stream.js";
import { MalformedOutputError } from "./errors.js";
import { DEFAULT_GROUNDING, GroundedAnswerBuilder, numberPassages, toPromptPassages, type GroundingOptions, type NumberedPassage } from "./grounding.js";
import { buildAnswerMessages } from "./prompt.js";
import { createLlmProvider, isPermit, raceWithSignal, type CallPermit, type LlmProvider, type OpenAiConfig } from "./provider.js";
import { GROUNDED_ANSWER_NAME, GroundedAnswerSchema, GroundedSentenceSchema, type GroundedAnswer } from "./schema.js";

/** Passages shown to the model: enough for follow-ups and two-article answers, few enough to stay focused and cheap. */
export const DEFAULT_MAX_PASSAGES = 6;

export type AnswerStreamEvent = { type: "sentence"; text: string } | { type: "done"; output: AnswerOutput | null };

/** An answerer that can hand out verified sentences as soon as each one passes. */
export interface StreamingAnswerer extends Answerer {
  answerStream(input: AnswerInput): AsyncIterable<AnswerStreamEvent>;
}

export function isStreamingAnswerer(answerer: Answerer): answerer is StreamingAnswerer {
  return typeof (answerer as Partial<StreamingAnswerer>).answerStream === "function";
}

export interface LlmAnswererDeps {
  /** Used to build the provider when none is passed. */
  config: OpenAiConfig;
  /** Answers whenever the model cannot (normally the extractive answerer). */
  fallback: Answerer;
  logger: Logger;
  /** Share one provider (circuit breaker, daily cap) with the condenser. */
  provider?: LlmProvider;
  grounding?: Partial<GroundingOptions>;
  maxPassages?: number;
}

type FallbackReason = "no_passages" | "provider_error" | "circuit_open" | "daily_cap" | "timeout" | "malformed_output" | "not_covered" | "nothing_verified" | "aborted";

function contentText(chunk: AIMessageChunk): string {
  const c = chunk.content;
  if (typeof c === "string") return c;
  return c.map((part) => (typeof part === "object" && part !== null && "text" in part && typeof part.text === "string" ? part.text : "")).join("");
}

/** Iterates until the signal aborts, then rejects with its reason (a hung stream must not hold the reply). */
async function* untilAborted<T>(iterable: AsyncIterable<T>, signal: AbortSignal): AsyncGenerator<T> {
  const iterator = iterable[Symbol.asyncIterator]();
  try {
    while (true) {
      const next = await raceWithSignal(iterator.next(), signal);
      if (next.done) return;
      yield next.value;
    }
  } finally {
    void iterator.return?.().catch(() => undefined);
  }
}

export class LlmAnswerer implements StreamingAnswerer {
  readonly kind = "llm" as const;
  private readonly provider: LlmProvider;
  private readonly grounding: GroundingOptions;
  private readonly maxPassages: number;
  private readonly structured: Runnable<BaseLanguageModelInput, Record<string, unknown>>;
  private readonly streaming: Runnable<BaseLanguageModelInput, AIMessageChunk>;

  constructor(private readonly deps: LlmAnswererDeps) {
    this.provider = deps.provider ?? createLlmProvider(deps.config, { logger: deps.logger });
    this.grounding = { ...DEFAULT_GROUNDING, ...deps.grounding, verify: { ...DEFAULT_GROUNDING.verify, ...deps.grounding?.verify } };
    this.maxPassages = deps.maxPassages ?? DEFAULT_MAX_PASSAGES;
    // JSON-schema structured output: one `response_format` field that OpenAI, Azure, vLLM and Ollama all accept.
    this.structured = this.provider.model.withStructuredOutput(GroundedAnswerSchema, { name: GROUNDED_ANSWER_NAME, method: "jsonSchema", strict: true });
    this.streaming = this.provider.model.withConfig({
      response_format: { type: "json_schema", json_schema: { name: GROUNDED_ANSWER_NAME, schema: GroundedAnswerSchema, strict: true } },
    });
  }

  async answer(input: AnswerInput): Promise<AnswerOutput | null> {
    const prepared = this.prepare(input);
    if ("refused" in prepared) return this.fallback(input, prepared.refused);
    const { permit, passages, messages } = prepared;

    let answer: GroundedAnswer;
    try {
      const raw = await raceWithSignal(this.structured.invoke(messages, { signal: permit.signal }), permit.signal);
      const parsed = GroundedAnswerSchema.safeParse(raw);
      if (!parsed.success) throw new MalformedOutputError("model output does not match the grounded_answer schema");
      answer = parsed.data;
      permit.succeed();
    } catch (error) {
      return this.fallback(input, this.failureReason(permit.fail(error).kind));
    }
    if (!answer.covered) return this.fallback(input, "not_covered");

    const builder = new GroundedAnswerBuilder(passages, this.grounding);
    for (const sentence of answer.sentences) builder.add(sentence);
    return this.finish(input, builder);
  }

  async *answerStream(input: AnswerInput): AsyncGenerator<AnswerStreamEvent> {
    const prepared = this.prepare(input);
    if ("refused" in prepared) {
      yield* this.fallbackEvents(input, prepared.refused);
      return;
    }
    const { permit, passages, messages } = prepared;
    const builder = new GroundedAnswerBuilder(passages, this.grounding);
    let buffer = "";
    let consumed = 0;
    let notCovered = false;
    let malformedItems = 0;

    // Items before the last one in the partial array are complete: verify and hand them out at once.
    const take = function* (items: unknown[], upTo: number) {
      for (; consumed < upTo; consumed++) {
        const item = GroundedSentenceSchema.safeParse(items[consumed]);
        if (!item.success) {
          malformedItems++;
          continue;
        }
        for (const outcome of builder.add(item.data)) if (outcome.accepted) yield { type: "sentence" as const, text: outcome.text };
      }
    };

    try {
      const stream = await raceWithSignal(this.streaming.stream(messages, { signal: permit.signal }), permit.signal);
      for await (const chunk of untilAborted(stream, permit.signal)) {
        buffer += contentText(chunk);
        const partial = parsePartialJson(buffer) as Partial<Record<string, unknown>> | null;
        if (partial?.covered === false) {
          notCovered = true;
          break;
        }
        const items = Array.isArray(partial?.sentences) ? partial.sentences : [];
        yield* take(items, items.length - 1);
      }
      if (!notCovered) {
        let whole: unknown;
        try {
          whole = JSON.parse(buffer);
        } catch {
          throw new MalformedOutputError("model output is not JSON");
        }
        const parsed = GroundedAnswerSchema.safeParse(whole);
        if (!parsed.success) throw new MalformedOutputError("model output does not match the grounded_answer schema");
        if (!parsed.data.covered) notCovered = true;
        else yield* take(parsed.data.sentences, parsed.data.sentences.length);
      }
      permit.succeed();
    } catch (error) {
      const reason = this.failureReason(permit.fail(error).kind);
      // Sentences already shown were verified: finish with them rather than contradict them.
      if (builder.acceptedCount === 0) {
        yield* this.fallbackEvents(input, reason);
        return;
      }
    }
    if (malformedItems > 0) this.deps.logger.warn("llm sentences malformed", { count: malformedItems });
    if (notCovered && builder.acceptedCount === 0) {
      yield* this.fallbackEvents(input, "not_covered");
      return;
    }
    const output = await this.finish(input, builder);
    if (output?.producedBy === "extractive") yield* this.sentenceEvents(output);
    yield { type: "done", output };
  }

  private prepare(input: AnswerInput): Prepared | { refused: FallbackReason } {
    const passages = numberPassages(
      input.passages.map((p) => p.chunk),
      this.maxPassages,
    );
    if (passages.length === 0) return { refused: "no_passages" };
    const permit = this.provider.acquire("answer", { signal: input.signal });
    if (!isPermit(permit)) return { refused: permit.kind === "daily_cap" ? "daily_cap" : "circuit_open" };
    return { passages, messages: buildAnswerMessages(input.question, toPromptPassages(passages)), permit };
  }

  private async finish(input: AnswerInput, builder: GroundedAnswerBuilder): Promise<AnswerOutput | null> {
    const stats = builder.summary();
    this.deps.logger.info("llm answer verified", {
      accepted: stats.accepted,
      dropped: Object.values(stats.dropped).reduce((s, n) => s + (n ?? 0), 0),
      droppedReasons: Object.keys(stats.dropped).sort().join(",") || null,
      fabricatedCitations: stats.fabricatedCitations,
    });
    const cited = builder.result();
    return cited ? { cited, producedBy: "llm" } : this.fallback(input, "nothing_verified");
  }

  private failureReason(kind: string): FallbackReason {
    if (kind === "timeout" || kind === "malformed_output" || kind === "aborted") return kind;
    return "provider_error";
  }

  private async fallback(input: AnswerInput, reason: FallbackReason): Promise<AnswerOutput | null> {
    this.deps.logger.info("llm fallback", { reason });
    return this.deps.fallback.answer(input);
  }

  private *sentenceEvents(output: AnswerOutput): Generator<AnswerStreamEvent> {
    for (const part of splitReplyText(output.cited.text)) yield { type: "sentence", text: part };
  }

  private async *fallbackEvents(input: AnswerInput, reason: FallbackReason): AsyncGenerator<AnswerStreamEvent> {
    const output = await this.fallback(input, reason);
    if (output) yield* this.sentenceEvents(output);
    yield { type: "done", output };
  }
}

interface Prepared {
  passages: NumberedPassage[];
  messages: BaseMessage[];
  permit: CallPermit;
}

/** The answerer the runtime uses in LLM mode. */
export function createLlmAnswerer(deps: LlmAnswererDeps): LlmAnswerer {
  return new LlmAnswerer(deps);
}
