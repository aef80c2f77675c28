/** Retry timing for webhook delivery: pure functions, no clocks or timers. */

export interface BackoffOptions {
  baseDelayMs: number;
  maxDelayMs: number;
}

/**
 * "Full jitter" exponential backoff: a uniform delay in [0, min(max, base·2^(n-1))).
 * Spreading retries randomly keeps a recovering receiver from being hit by
 * every waiting lead at the same instant.
 */
export function backoffDelayMs(attempt: number, options: BackoffOptions, random: () => number = Math.random): number {
  const exponent = Math.min(Math.max(attempt - 1, 0), 30);
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** exponent);
  return Math.floor(random() * ceiling);
}

/** Longest `Retry-After` we honour, so a misconfigured receiver cannot park leads for days. */
export const MAX_RETRY_AFTER_MS = 6 * 60 * 60 * 1000;

/** `Retry-After` as delay-seconds or an HTTP date → milliseconds from now, or null when absent/invalid. */
export function parseRetryAfterMs(value: string | null | undefined, nowMs: number): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Math.min(Number(trimmed) * 1000, MAX_RETRY_AFTER_MS);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return null;
  return Math.min(Math.max(at - nowMs, 0), MAX_RETRY_AFTER_MS);
}
