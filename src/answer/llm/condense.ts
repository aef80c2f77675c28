/**
 * Optional LLM condenser: rewrites a follow-up ("how long do they last?") as a
 * standalone question for retrieval, from the patient's earlier messages only
 * (assistant turns come from the client and are never sent to the model). It only steers retrieval — the evidence
 * check and the verifier still decide what is said — and it returns null on
 * any failure so the caller uses the deterministic resolver instead.
 */
import type { BaseLanguageModelInput } from "@langchain/core/language_models/base";
import type { Runnable } from "@langchain/core/runnables";
import type { Turn } from "../../contract.js";
import type { Logger } from "../../logger.js";
import { normalizeWhitespace } from "../text.js";
import { MalformedOutputError } from "./errors.js";
import { buildCondenseMessages, patientTurns } from "./prompt.js";
import { isPermit, raceWithSignal, type LlmProvider } from "./provider.js";
import { CondensedQuestionSchema } from "./schema.js";

/** Longest standalone question accepted; anything longer is the model answering, not rewriting. */
export const MAX_CONDENSED_CHARS = 300;

export type QuestionCondenser = (history: Turn[], message: string, signal?: AbortSignal) => Promise<string | null>;

export interface LlmCondenserDeps {
  provider: LlmProvider;
  logger: Logger;
  /** Condensing must leave most of the deadline to the answer. Default: 40% of the provider timeout. */
  timeoutMs?: number;
}

export function createLlmCondenser(deps: LlmCondenserDeps): QuestionCondenser {
  const timeoutMs = deps.timeoutMs ?? Math.max(500, Math.round(deps.provider.config.timeoutMs * 0.4));
  const structured: Runnable<BaseLanguageModelInput, Record<string, unknown>> = deps.provider.model.withStructuredOutput(CondensedQuestionSchema, {
    name: "standalone_question",
    method: "jsonSchema",
    strict: true,
  });

  return async (history, message, signal) => {
    // Only the patient's own words steer retrieval; without any there is nothing to resolve against.
    if (patientTurns(history).length === 0) return null;
    const permit = deps.provider.acquire("condense", { signal, timeoutMs });
    if (!isPermit(permit)) return null;
    try {
      const raw = await raceWithSignal(structured.invoke(buildCondenseMessages(history, message), { signal: permit.signal }), permit.signal);
      const parsed = CondensedQuestionSchema.safeParse(raw);
      if (!parsed.success) throw new MalformedOutputError("condenser output does not match its schema");
      permit.succeed();
      const question = normalizeWhitespace(parsed.data.question);
      if (question.length === 0 || question.length > MAX_CONDENSED_CHARS) {
        deps.logger.info("llm condense rejected", { chars: question.length });
        return null;
      }
      return question;
    } catch (error) {
      permit.fail(error);
      return null;
    }
  };
}
