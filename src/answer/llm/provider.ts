/**
 * The chat model and the guards around every call to it: a circuit breaker,
 * the daily request cap, and a hard deadline. Shared by the answerer and the
 * condenser so that both stop together when the provider fails.
 */
import { ChatOpenAI } from "@langchain/openai";
import type { Config } from "../../config.js";
import type { Logger } from "../../logger.js";
import { CircuitBreaker, DEFAULT_CIRCUIT, type CircuitBreakerOptions } from "./circuit-breaker.js";
import { DailyCap } from "./daily-cap.js";
import { classifyProviderError, countsAgainstProvider, retryOnlyTransient, type ProviderFailure } from "./errors.js";

export type OpenAiConfig = Config["openai"];

/** Upper bound on generated tokens: four short sentences with citations fit easily. */
export const MAX_OUTPUT_TOKENS = 700;

export interface LlmProviderOptions {
  logger: Logger;
  now?: () => number;
  circuit?: Partial<Omit<CircuitBreakerOptions, "now">>;
}

/** Permission for one call: its deadline signal and how to report the outcome. */
export interface CallPermit {
  signal: AbortSignal;
  succeed(): void;
  /** Classifies and logs the failure (class/status only) and updates the circuit. */
  fail(error: unknown): ProviderFailure;
}

export interface LlmProvider {
  readonly model: ChatOpenAI;
  readonly config: OpenAiConfig;
  /** A permit, or why no call may go out now (circuit open, daily cap reached). */
  acquire(operation: string, options?: { signal?: AbortSignal; timeoutMs?: number }): CallPermit | ProviderFailure;
}

/** Reasoning models (o-series, gpt-5) reject a temperature and spend output tokens on thinking. */
function isReasoningModel(model: string): boolean {
  return /^o\d/.test(model) || (model.startsWith("gpt-5") && !model.startsWith("gpt-5-chat"));
}

export function createChatModel(config: OpenAiConfig): ChatOpenAI {
  const reasoning = isReasoningModel(config.chatModel);
  return new ChatOpenAI({
    model: config.chatModel,
    // A compatible server without auth still needs a non-empty key for the client.
    apiKey: config.apiKey ?? "not-needed",
    configuration: config.baseUrl ? { baseURL: config.baseUrl } : undefined,
    // Deterministic wording where the model allows it: the same question gets the same answer.
    ...(reasoning ? {} : { temperature: 0 }),
    maxTokens: reasoning ? MAX_OUTPUT_TOKENS * 4 : MAX_OUTPUT_TOKENS,
    timeout: config.timeoutMs,
    maxRetries: 1,
    onFailedAttempt: retryOnlyTransient,
    streamUsage: false,
  });
}

export function isPermit(value: CallPermit | ProviderFailure): value is CallPermit {
  return "signal" in value;
}

export function createLlmProvider(config: OpenAiConfig, options: LlmProviderOptions): LlmProvider {
  const now = options.now ?? Date.now;
  const breaker = new CircuitBreaker({ ...DEFAULT_CIRCUIT, ...options.circuit, now });
  const cap = new DailyCap(config.dailyRequestCap, now);
  const model = createChatModel(config);
  const refused = (kind: "circuit_open" | "daily_cap"): ProviderFailure => ({ kind, errorClass: kind, status: null, retryAfterMs: null });

  return {
    model,
    config,
    acquire(operation, { signal, timeoutMs = config.timeoutMs } = {}) {
      if (!breaker.tryAcquire()) {
        options.logger.debug("llm skipped", { operation, reason: "circuit_open" });
        return refused("circuit_open");
      }
      if (!cap.tryConsume()) {
        breaker.release();
        options.logger.warn("llm skipped", { operation, reason: "daily_cap" });
        return refused("daily_cap");
      }
      const deadline = AbortSignal.timeout(timeoutMs);
      const combined = signal ? AbortSignal.any([deadline, signal]) : deadline;
      let settled = false;
      return {
        signal: combined,
        succeed() {
          if (settled) return;
          settled = true;
          breaker.recordSuccess();
        },
        fail(error) {
          const classified = classifyProviderError(error);
          // Our deadline firing surfaces as an abort from the client: it is a timeout.
          const failure: ProviderFailure =
            deadline.aborted && !signal?.aborted && (classified.kind === "aborted" || classified.kind === "unknown")
              ? { ...classified, kind: "timeout" }
              : classified;
          if (!settled) {
            settled = true;
            if (signal?.aborted && !deadline.aborted) breaker.release();
            else if (countsAgainstProvider(failure)) breaker.recordFailure(failure.retryAfterMs ?? undefined);
            else breaker.release();
          }
          options.logger.warn("llm call failed", {
            operation,
            kind: failure.kind,
            errorClass: failure.errorClass,
            status: failure.status,
            circuit: breaker.state,
          });
          return failure;
        },
      };
    },
  };
}

/** Resolves with the promise, or rejects with the signal's reason as soon as it aborts. */
export function raceWithSignal<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener("abort", onAbort);
        resolve(v);
      },
      (e) => {
        signal.removeEventListener("abort", onAbort);
        reject(e);
      },
    );
  });
}
