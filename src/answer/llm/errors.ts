/**
 * What went wrong with a provider call, reduced to facts safe to log (error
 * class, HTTP status, kind) — never the request or response text.
 */
export type ProviderFailureKind =
  | "rate_limited"
  | "server_error"
  | "timeout"
  | "network"
  | "aborted"
  | "client_error"
  | "malformed_output"
  | "circuit_open"
  | "daily_cap"
  | "unknown";

export interface ProviderFailure {
  kind: ProviderFailureKind;
  errorClass: string;
  status: number | null;
  /** Provider-requested pause (Retry-After), when it gave one. */
  retryAfterMs: number | null;
}

/** Raised by our own checks on the model's output (schema mismatch, unparsable JSON). */
export class MalformedOutputError extends Error {
  override name = "MalformedOutputError";
}

function field<T>(value: unknown, key: string, type: "number" | "string" | "object"): T | undefined {
  if (typeof value !== "object" || value === null || !(key in value)) return undefined;
  const v = (value as Record<string, unknown>)[key];
  return typeof v === type && v !== null ? (v as T) : undefined;
}

function statusOf(error: unknown): number | null {
  return field<number>(error, "status", "number") ?? field<number>(field(error, "response", "object"), "status", "number") ?? null;
}

function headerOf(error: unknown, name: string): string | null {
  const headers = field<Record<string, unknown>>(error, "headers", "object");
  if (!headers) return null;
  if (typeof (headers as { get?: unknown }).get === "function") return (headers as unknown as Headers).get(name);
  const v = headers[name] ?? headers[name.toLowerCase()];
  return typeof v === "string" ? v : null;
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  const seconds = Number(value.trim());
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

function nameOf(error: unknown): string {
  if (error instanceof Error) return error.name !== "Error" ? error.name : error.constructor.name;
  return typeof error;
}

export function classifyProviderError(error: unknown): ProviderFailure {
  const status = statusOf(error);
  const errorClass = nameOf(error);
  const base = { errorClass, status, retryAfterMs: null };
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(headerOf(error, "retry-after")) ?? field<number>(error, "retryAfterMs", "number") ?? null;
    return { ...base, kind: "rate_limited", retryAfterMs };
  }
  if (status !== null && status >= 500) return { ...base, kind: "server_error", retryAfterMs: parseRetryAfter(headerOf(error, "retry-after")) };
  if (status !== null && status >= 400) return { ...base, kind: "client_error" };
  if (errorClass === "TimeoutError" || errorClass === "APIConnectionTimeoutError") return { ...base, kind: "timeout" };
  if (errorClass === "AbortError" || errorClass === "APIUserAbortError") return { ...base, kind: "aborted" };
  if (errorClass === "APIConnectionError" || (error instanceof TypeError && /fetch|network|socket/i.test(error.message))) {
    return { ...base, kind: "network" };
  }
  if (
    error instanceof MalformedOutputError ||
    error instanceof SyntaxError ||
    errorClass === "OutputParserException" ||
    errorClass === "ZodError" ||
    errorClass === "LengthFinishReasonError" ||
    errorClass === "ContentFilterFinishReasonError"
  ) {
    return { ...base, kind: "malformed_output" };
  }
  return { ...base, kind: "unknown" };
}

/**
 * LangChain's retry hook: retry once on transient failures (5xx, dropped
 * connection, per-attempt timeout). A 429 is not retried: the patient gets the
 * extractive answer now and the circuit honours Retry-After instead.
 */
export function retryOnlyTransient(error: unknown): void {
  const { kind } = classifyProviderError(error);
  if (kind === "server_error" || kind === "network" || kind === "timeout") return;
  throw error;
}

/** Failures that say the provider is unhealthy (they count towards opening the circuit). */
export function countsAgainstProvider(failure: ProviderFailure): boolean {
  return failure.kind !== "aborted" && failure.kind !== "circuit_open" && failure.kind !== "daily_cap";
}
