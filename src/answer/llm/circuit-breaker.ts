/**
 * Stops calling a failing provider for a while. Closed: calls go through.
 * After `failureThreshold` consecutive failures it opens for `cooldownMs`
 * (or longer when the provider asked, via Retry-After); then one probe call
 * is let through (half-open) and its outcome closes or reopens the circuit.
 */
export type CircuitState = "closed" | "open" | "half_open";

export interface CircuitBreakerOptions {
  failureThreshold: number;
  cooldownMs: number;
  /** Upper bound on a provider-requested pause (Retry-After). */
  maxCooldownMs: number;
  now?: () => number;
}

export const DEFAULT_CIRCUIT: Omit<CircuitBreakerOptions, "now"> = { failureThreshold: 3, cooldownMs: 30_000, maxCooldownMs: 300_000 };

export class CircuitBreaker {
  private failures = 0;
  private openUntil = 0;
  private probeInFlight = false;
  private readonly now: () => number;

  constructor(private readonly options: CircuitBreakerOptions = DEFAULT_CIRCUIT) {
    this.now = options.now ?? Date.now;
  }

  get state(): CircuitState {
    if (this.openUntil === 0) return "closed";
    return this.now() < this.openUntil ? "open" : "half_open";
  }

  /** Whether a call may go out now. In half-open state only one probe at a time. */
  tryAcquire(): boolean {
    const state = this.state;
    if (state === "closed") return true;
    if (state === "open" || this.probeInFlight) return false;
    this.probeInFlight = true;
    return true;
  }

  recordSuccess(): void {
    this.failures = 0;
    this.openUntil = 0;
    this.probeInFlight = false;
  }

  /** A failed call; `retryAfterMs` (from a 429/503) opens the circuit at once for that long. */
  recordFailure(retryAfterMs?: number): void {
    const wasProbe = this.probeInFlight;
    this.probeInFlight = false;
    this.failures++;
    if (retryAfterMs !== undefined && retryAfterMs > 0) {
      this.openFor(Math.min(Math.max(retryAfterMs, this.options.cooldownMs), this.options.maxCooldownMs));
    } else if (wasProbe || this.failures >= this.options.failureThreshold) {
      this.openFor(this.options.cooldownMs);
    }
  }

  /** A call that ended without a verdict on the provider (e.g. the patient went away). */
  release(): void {
    this.probeInFlight = false;
  }

  private openFor(ms: number): void {
    this.openUntil = this.now() + ms;
  }
}
